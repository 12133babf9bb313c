-- Packages whose listings an advisory import still has to re-review.
--
-- An import writes the packages its changed advisories name (before and
-- after the change) here in the transaction that stores the advisories, and
-- deletes them only after every listing naming them has been re-reviewed. A
-- re-review that fails or is cancelled part-way, or a replica's index refresh
-- that consumed the change on behalf of another request, therefore loses
-- nothing: the next import (a retry) finds the packages still here. `token`
-- changes whenever a later import adds the package again, so a drain removes
-- only what it has re-reviewed.
CREATE TABLE advisory_rereviews (
    ecosystem text NOT NULL,
    package text NOT NULL,
    token uuid NOT NULL,
    PRIMARY KEY (ecosystem, package)
);
