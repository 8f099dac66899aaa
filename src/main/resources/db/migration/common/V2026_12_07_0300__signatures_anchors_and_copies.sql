-- Signature blocks: the text of the original PDF where a signer's signature is drawn at completion
-- (null: the signatures page only); and who else receives the completed PDF by e-mail (one address a line).
alter table signatures_signers add column anchor varchar(64);
alter table signatures_envelopes add column completion_copies varchar(2600);
