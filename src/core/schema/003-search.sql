-- Schema 3: full-text search over names, numbers, summaries and notes.
--
-- search_index is an FTS5 table tokenized by desk_bigram (a tokenizer of
-- ours, registered on every connection by desk-search.c): each run of
-- characters between blanks is indexed as its overlapping two-character
-- tokens, so that a query of n characters is the phrase of its n - 1 bigrams
-- and finds exactly the records that contain it, Chinese names of two
-- characters and digit fragments alike.
--
-- Its rowid is the record's kind times 2^40 plus the record's id, so that
-- one kind is a rowid range and ids come out in order without reading any
-- text.  Kinds: 1 people, 2 consultations, 3 mediation_cases, 4 legal_aid,
-- 5 screenings, 6 adviser_services.
--
-- The search_text_* views say, once, what text a live record is found by;
-- search_text gathers them as the index's external content, so that the
-- index keeps no copy of the text, and FTS5's 'rebuild' and
-- 'integrity-check' read them.  Triggers feed the index in the same
-- transaction as the record's write.  A removal must hand FTS5 the very
-- text that was indexed: BEFORE triggers read it through the view while the
-- row still holds its old values.  A soft-deleted record (deleted_at set) is
-- not in the views, hence not in the index.  Ask the index for rowids only:
-- looking a text up by rowid through the union would read every table.
--
-- While the row is in search_suspended (a bulk load, desk_search_suspend())
-- the triggers do nothing and desk_search() scans the views instead;
-- desk_search_resume() rebuilds the index and empties the table.

CREATE TABLE search_suspended (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  since TEXT NOT NULL
);

-- Fields are joined by a line break, which the tokenizer treats as a blank:
-- no query matches across two fields.
CREATE VIEW search_text_people (id, text) AS
  SELECT id, name || char (10) || coalesce (id_number, '') || char (10)
             || coalesce (phone, '') || char (10) || coalesce (address, '') || char (10)
             || coalesce (legal_rep, '') || char (10) || coalesce (notes, '')
    FROM people WHERE deleted_at IS NULL;

CREATE VIEW search_text_consultations (id, text) AS
  SELECT id, number || char (10) || content || char (10) || coalesce (reply, '')
    FROM consultations WHERE deleted_at IS NULL;

CREATE VIEW search_text_mediation_cases (id, text) AS
  SELECT id, number || char (10) || summary || char (10) || coalesce (request, '')
    FROM mediation_cases WHERE deleted_at IS NULL;

CREATE VIEW search_text_legal_aid (id, text) AS
  SELECT id, number || char (10) || summary
    FROM legal_aid WHERE deleted_at IS NULL;

CREATE VIEW search_text_screenings (id, text) AS
  SELECT id, coalesce (screener, '') || char (10) || coalesce (notes, '')
    FROM screenings WHERE deleted_at IS NULL;

CREATE VIEW search_text_adviser_services (id, text) AS
  SELECT id, coalesce (notes, '')
    FROM adviser_services WHERE deleted_at IS NULL;

CREATE VIEW search_text (search_key, text, kind) AS
            SELECT (1 << 40) + id, text, 'people' FROM search_text_people
  UNION ALL SELECT (2 << 40) + id, text, 'consultations' FROM search_text_consultations
  UNION ALL SELECT (3 << 40) + id, text, 'mediation_cases' FROM search_text_mediation_cases
  UNION ALL SELECT (4 << 40) + id, text, 'legal_aid' FROM search_text_legal_aid
  UNION ALL SELECT (5 << 40) + id, text, 'screenings' FROM search_text_screenings
  UNION ALL SELECT (6 << 40) + id, text, 'adviser_services' FROM search_text_adviser_services;

CREATE VIRTUAL TABLE search_index USING fts5 (
  text,
  kind UNINDEXED,
  content = 'search_text',
  content_rowid = 'search_key',
  columnsize = 0,
  tokenize = 'desk_bigram'
);

-- people (kind 1)
CREATE TRIGGER search_people_insert AFTER INSERT ON people
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (1 << 40) + id, text, 'people'
      FROM search_text_people WHERE id = NEW.id;
END;
CREATE TRIGGER search_people_unindex BEFORE UPDATE
  OF name, id_number, phone, address, legal_rep, notes, deleted_at ON people
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (1 << 40) + id, text, 'people'
      FROM search_text_people WHERE id = OLD.id;
END;
CREATE TRIGGER search_people_reindex AFTER UPDATE
  OF name, id_number, phone, address, legal_rep, notes, deleted_at ON people
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (1 << 40) + id, text, 'people'
      FROM search_text_people WHERE id = NEW.id;
END;
CREATE TRIGGER search_people_delete BEFORE DELETE ON people
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (1 << 40) + id, text, 'people'
      FROM search_text_people WHERE id = OLD.id;
END;

-- consultations (kind 2)
CREATE TRIGGER search_consultations_insert AFTER INSERT ON consultations
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (2 << 40) + id, text, 'consultations'
      FROM search_text_consultations WHERE id = NEW.id;
END;
CREATE TRIGGER search_consultations_unindex BEFORE UPDATE
  OF number, content, reply, deleted_at ON consultations
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (2 << 40) + id, text, 'consultations'
      FROM search_text_consultations WHERE id = OLD.id;
END;
CREATE TRIGGER search_consultations_reindex AFTER UPDATE
  OF number, content, reply, deleted_at ON consultations
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (2 << 40) + id, text, 'consultations'
      FROM search_text_consultations WHERE id = NEW.id;
END;
CREATE TRIGGER search_consultations_delete BEFORE DELETE ON consultations
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (2 << 40) + id, text, 'consultations'
      FROM search_text_consultations WHERE id = OLD.id;
END;

-- mediation_cases (kind 3)
CREATE TRIGGER search_mediation_cases_insert AFTER INSERT ON mediation_cases
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (3 << 40) + id, text, 'mediation_cases'
      FROM search_text_mediation_cases WHERE id = NEW.id;
END;
CREATE TRIGGER search_mediation_cases_unindex BEFORE UPDATE
  OF number, summary, request, deleted_at ON mediation_cases
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (3 << 40) + id, text, 'mediation_cases'
      FROM search_text_mediation_cases WHERE id = OLD.id;
END;
CREATE TRIGGER search_mediation_cases_reindex AFTER UPDATE
  OF number, summary, request, deleted_at ON mediation_cases
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (3 << 40) + id, text, 'mediation_cases'
      FROM search_text_mediation_cases WHERE id = NEW.id;
END;
CREATE TRIGGER search_mediation_cases_delete BEFORE DELETE ON mediation_cases
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (3 << 40) + id, text, 'mediation_cases'
      FROM search_text_mediation_cases WHERE id = OLD.id;
END;

-- legal_aid (kind 4)
CREATE TRIGGER search_legal_aid_insert AFTER INSERT ON legal_aid
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (4 << 40) + id, text, 'legal_aid'
      FROM search_text_legal_aid WHERE id = NEW.id;
END;
CREATE TRIGGER search_legal_aid_unindex BEFORE UPDATE
  OF number, summary, deleted_at ON legal_aid
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (4 << 40) + id, text, 'legal_aid'
      FROM search_text_legal_aid WHERE id = OLD.id;
END;
CREATE TRIGGER search_legal_aid_reindex AFTER UPDATE
  OF number, summary, deleted_at ON legal_aid
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (4 << 40) + id, text, 'legal_aid'
      FROM search_text_legal_aid WHERE id = NEW.id;
END;
CREATE TRIGGER search_legal_aid_delete BEFORE DELETE ON legal_aid
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (4 << 40) + id, text, 'legal_aid'
      FROM search_text_legal_aid WHERE id = OLD.id;
END;

-- screenings (kind 5)
CREATE TRIGGER search_screenings_insert AFTER INSERT ON screenings
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (5 << 40) + id, text, 'screenings'
      FROM search_text_screenings WHERE id = NEW.id;
END;
CREATE TRIGGER search_screenings_unindex BEFORE UPDATE
  OF screener, notes, deleted_at ON screenings
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (5 << 40) + id, text, 'screenings'
      FROM search_text_screenings WHERE id = OLD.id;
END;
CREATE TRIGGER search_screenings_reindex AFTER UPDATE
  OF screener, notes, deleted_at ON screenings
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (5 << 40) + id, text, 'screenings'
      FROM search_text_screenings WHERE id = NEW.id;
END;
CREATE TRIGGER search_screenings_delete BEFORE DELETE ON screenings
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (5 << 40) + id, text, 'screenings'
      FROM search_text_screenings WHERE id = OLD.id;
END;

-- adviser_services (kind 6)
CREATE TRIGGER search_adviser_services_insert AFTER INSERT ON adviser_services
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (6 << 40) + id, text, 'adviser_services'
      FROM search_text_adviser_services WHERE id = NEW.id;
END;
CREATE TRIGGER search_adviser_services_unindex BEFORE UPDATE
  OF notes, deleted_at ON adviser_services
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (6 << 40) + id, text, 'adviser_services'
      FROM search_text_adviser_services WHERE id = OLD.id;
END;
CREATE TRIGGER search_adviser_services_reindex AFTER UPDATE
  OF notes, deleted_at ON adviser_services
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (rowid, text, kind)
    SELECT (6 << 40) + id, text, 'adviser_services'
      FROM search_text_adviser_services WHERE id = NEW.id;
END;
CREATE TRIGGER search_adviser_services_delete BEFORE DELETE ON adviser_services
  WHEN NOT EXISTS (SELECT 1 FROM search_suspended)
BEGIN
  INSERT INTO search_index (search_index, rowid, text, kind)
    SELECT 'delete', (6 << 40) + id, text, 'adviser_services'
      FROM search_text_adviser_services WHERE id = OLD.id;
END;

-- What the ledger already holds.
INSERT INTO search_index (search_index) VALUES ('rebuild');
