-- ListOperations: a caller's operations and its organisation's, newest first,
-- paged on (create_time, id). Each index serves one side of the visibility
-- test (requester = caller OR requester_org = caller's organisation).
CREATE INDEX operations_by_requester ON operations (requester, create_time DESC, id DESC);
CREATE INDEX operations_by_org ON operations (requester_org, create_time DESC, id DESC)
    WHERE requester_org <> '';
