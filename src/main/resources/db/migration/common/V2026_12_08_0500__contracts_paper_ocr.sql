-- Scanned third-party paper is read by OCR in the background (contracts-paper-ocr): paper_ocr is PENDING from the
-- upload of a PDF without text until the job has read it (DONE) or given up on it (FAILED), when paper_ocr_at is set;
-- null for every other contract. The job finds the pending ones through ix_contracts_paper_ocr.
alter table contracts add column paper_ocr varchar(16);
alter table contracts add column paper_ocr_at timestamp with time zone;
alter table contracts add constraint ck_contracts_paper_ocr check (paper_ocr is null or paper_ocr in ('PENDING', 'DONE',
    'FAILED'));
create index ix_contracts_paper_ocr on contracts (paper_ocr, created_at);
