-- The state a version was in when its DEPLOYING or UNDEPLOYING operation
-- started ('' before any): where a deploy interrupted by a shutdown or a
-- crash returns a version that was serving (instead of FAILED, which a restart
-- would not redeploy), where a failed undeploy returns it, and what tells the
-- gateway that a DEPLOYING version still serves under its previous name.

ALTER TABLE versions ADD COLUMN previous_state text NOT NULL DEFAULT ''
    CHECK (previous_state IN ('', 'UNDEPLOYED', 'DEPLOYING', 'DEPLOYED', 'UNDEPLOYING', 'FAILED'));
