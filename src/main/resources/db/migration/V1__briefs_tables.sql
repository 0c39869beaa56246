-- The project's tables as the last release before Flyway made them from Java (FailureLedger,
-- StoryRecords, OutputCache), statement for statement; the same SQL runs on H2 and PostgreSQL.
--
-- A database that release made in full is baselined at version 1 and never runs this file
-- (see dev.briefs.schema.RepositorySchema). IF NOT EXISTS and the two ALTERs are kept from that
-- code on purpose: a database of an older release, with some of these tables or columns missing,
-- is baselined at version 0 and runs this file, which then adds only what is missing.

-- The failed-work ledger: one row a failed stage of an article's chunk, open or resolved.
CREATE TABLE IF NOT EXISTS BRIEFS_FAILURE (
    RUN_DATE VARCHAR(10) NOT NULL,
    ARTICLE_ID VARCHAR(128) NOT NULL,
    SOURCE_FILE VARCHAR(1024) NOT NULL,
    STAGE VARCHAR(16) NOT NULL,
    LANGUAGE VARCHAR(8) NOT NULL,
    CHUNK_INDEX INTEGER NOT NULL,
    ERROR_TYPE VARCHAR(128) NOT NULL,
    MESSAGE VARCHAR(4000) NOT NULL,
    ATTEMPTS INTEGER NOT NULL,
    FIRST_SEEN TIMESTAMP NOT NULL,
    LAST_SEEN TIMESTAMP NOT NULL,
    STATE VARCHAR(8) NOT NULL,
    PRIMARY KEY (RUN_DATE, ARTICLE_ID, STAGE, LANGUAGE, CHUNK_INDEX));

-- The day's stories: one row an article.
CREATE TABLE IF NOT EXISTS BRIEFS_STORY (
    RUN_DATE VARCHAR(10) NOT NULL,
    ARTICLE_ID VARCHAR(128) NOT NULL,
    STORY_ID VARCHAR(128) NOT NULL,
    IS_LEAD BOOLEAN NOT NULL,
    LEAD_REASON VARCHAR(4000) NOT NULL,
    SIMILARITY DOUBLE PRECISION NOT NULL,
    MODEL VARCHAR(256),
    LANGUAGE VARCHAR(8) NOT NULL,
    OUTLET VARCHAR(512),
    URL VARCHAR(8192),
    SOURCE_FILE VARCHAR(1024) NOT NULL,
    LEAD_RANK INTEGER,
    PRIMARY KEY (RUN_DATE, ARTICLE_ID));

-- Tables made before the rank was recorded; their rows' rank is null, read as the id order.
ALTER TABLE BRIEFS_STORY ADD COLUMN IF NOT EXISTS LEAD_RANK INTEGER;

-- One row a date whose stories are complete.
CREATE TABLE IF NOT EXISTS BRIEFS_STORY_DAY (
    RUN_DATE VARCHAR(10) NOT NULL PRIMARY KEY,
    JOB_INSTANCE BIGINT NOT NULL,
    ARTICLES INTEGER NOT NULL,
    NOTES VARCHAR(4000) NOT NULL,
    FOUND_AT TIMESTAMP NOT NULL);

-- Model outputs by a key that holds everything that decides them.
CREATE TABLE IF NOT EXISTS BRIEFS_OUTPUT_CACHE (
    CACHE_KEY CHAR(64) NOT NULL PRIMARY KEY,
    MODEL VARCHAR(200) NOT NULL,
    OUTPUT_TEXT VARCHAR NOT NULL,
    INPUT_IDS VARCHAR NOT NULL,
    OUTPUT_IDS VARCHAR NOT NULL,
    MEAN_LOG_PROB DOUBLE PRECISION,
    CREATED TIMESTAMP NOT NULL,
    HITS BIGINT NOT NULL,
    LAST_HIT TIMESTAMP);

-- Outputs kept before the column existed have it NULL: they count as misses (OutputCache.lookup).
ALTER TABLE BRIEFS_OUTPUT_CACHE ADD COLUMN IF NOT EXISTS MEAN_LOG_PROB DOUBLE PRECISION;
