-- The availability zone each instance of a deployment is in: a workload of a
-- spread group is pinned to its plan's zone, and the record shows where the
-- provider put it.

ALTER TABLE deployment_resources ADD COLUMN zone text NOT NULL DEFAULT '';
