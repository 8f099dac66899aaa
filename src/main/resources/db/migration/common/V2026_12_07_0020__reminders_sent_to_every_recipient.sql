-- A reminder's sent_to is now written by the run's INSERT itself: up to four addresses of 320 characters and the
-- organization's extra recipients (at most 2000 characters) must fit whole.
alter table reminders_expiration_reminders alter column sent_to set data type varchar(4000);
