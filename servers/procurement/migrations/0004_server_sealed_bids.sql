-- SealAndSubmitBid: a bid the server sealed for a client that could not (the
-- server saw its content once, at submission; recorded on the bid).
ALTER TABLE bids ADD COLUMN sealed_by_server boolean NOT NULL DEFAULT false;
