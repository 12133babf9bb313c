-- Negotiations between meshes through federation, and the objects of
-- replaced uploads (issue 18).
--
-- Each side of a negotiation between two meshes keeps its own record under
-- the same id; `peer` names the other mesh (on the consumer's side its id in
-- JIPAN_DATASPACE_PEERS, on the provider's side the federation peer the
-- consumer came through). On the consumer's side the dataset is in the
-- provider's catalog, not this one, so the foreign key to datasets goes: a
-- negotiation inside the mesh is still only created for a dataset of this
-- catalog (checked by the domain, which reads it first).
ALTER TABLE negotiations DROP CONSTRAINT negotiations_dataset_publisher_dataset_id_fkey;
ALTER TABLE negotiations ADD COLUMN peer text NOT NULL DEFAULT '';
-- On the consumer's side: the update_time of the provider mesh's record last
-- mirrored, so an older view (a late notification, a sync that crossed a
-- notification) never overwrites a newer one.
ALTER TABLE negotiations ADD COLUMN peer_update_time timestamptz;

-- Objects whose upload was replaced by a newer one (or whose distribution
-- was removed). Each is deleted from the object store once no transfer that
-- may still read it (REQUESTED, STARTED, SUSPENDED) names it; the row stays,
-- with delete_time, so a transfer that read the old key a moment before the
-- replacement is refused rather than started on data that are gone.
CREATE TABLE retired_objects (
    object_key text PRIMARY KEY,
    retire_time timestamptz NOT NULL DEFAULT now(),
    delete_time timestamptz
);
CREATE INDEX retired_objects_pending ON retired_objects (retire_time) WHERE delete_time IS NULL;
CREATE INDEX transfers_live_object ON transfers (object_key)
    WHERE state IN ('REQUESTED', 'STARTED', 'SUSPENDED');
