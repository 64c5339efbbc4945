-- Where on the method page a notification points: the element id of the comment it is about
-- ("comment-<id>") or of the section it concerns ("method-reviews"); NULL opens the top of the page.
ALTER TABLE notification ADD COLUMN anchor VARCHAR(60);
