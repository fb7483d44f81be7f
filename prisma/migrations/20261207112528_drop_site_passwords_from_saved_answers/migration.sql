-- Site account passwords are kept sealed in site_accounts, never as saved answers (which travel in
-- every work order). One written back in another letter case could land here before: remove it
-- (the site asks again, and the answer is then sealed). Keys are normalizeQuestion() forms of the
-- account-password question's key or label.
DELETE FROM "saved_answers"
WHERE "question_key" LIKE 'jobswipe account password %'
   OR "question_key" LIKE 'password for your account on %';
