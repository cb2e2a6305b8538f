-- Schema and reports for a small blog's comments (PostgreSQL flavoured).

CREATE TABLE authors (
    id          SERIAL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    email       VARCHAR(255) UNIQUE,
    joined_on   DATE DEFAULT CURRENT_DATE
);

CREATE TABLE posts (
    id           SERIAL PRIMARY KEY,
    author_id    INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    slug         VARCHAR(200) NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT,
    published_at TIMESTAMP,
    is_draft     BOOLEAN DEFAULT TRUE,
    CONSTRAINT posts_slug_key UNIQUE (slug)
);

CREATE TABLE comments (
    id         BIGINT PRIMARY KEY,
    post_id    INT NOT NULL,
    "user"     VARCHAR(80),
    body       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (post_id) REFERENCES posts (id)
);

CREATE INDEX comments_post_idx ON comments (post_id, created_at DESC);

/* Seed data: two authors, a post each,
   and a comment with an escaped quote. */
INSERT INTO authors (name, email) VALUES
    ('Ada', 'ada@example.org'),
    ('Grace', 'grace@example.org');

INSERT INTO posts (author_id, slug, title, is_draft, published_at)
VALUES (1, 'hello-world', 'Hello, World', FALSE, '2024-01-15 09:30:00');

insert into comments (id, post_id, "user", body)
values (1, 1, 'reader', 'It''s a great first post!');

-- Posts with their comment counts, newest first.
SELECT p.title,
       a.name AS author,
       COUNT(c.id) AS comments,
       MAX(c.created_at) AS last_comment
FROM posts p
JOIN authors a ON a.id = p.author_id
LEFT OUTER JOIN comments c ON c.post_id = p.id
WHERE p.is_draft = FALSE
  AND p.published_at >= '2024-01-01'
GROUP BY p.id, p.title, a.name
HAVING COUNT(c.id) > 0
ORDER BY p.published_at DESC
LIMIT 20 OFFSET 0;

-- Authors who never published anything.
select name from authors
where id not in (select distinct author_id from posts where published_at is not null);

UPDATE posts SET is_draft = false, published_at = NOW() WHERE slug = 'hello-world';

DELETE FROM comments WHERE created_at < CURRENT_DATE - INTERVAL '90 days';

BEGIN;
ALTER TABLE posts ADD COLUMN word_count INTEGER DEFAULT 0;
UPDATE posts SET word_count = array_length(regexp_split_to_array(body, '\s+'), 1);
COMMIT;

SELECT `legacy_table`.`id`, CASE WHEN score > 10 THEN 'high' ELSE 'low' END AS bucket
FROM `legacy_table` WHERE name LIKE '%sql%' OR name IS NULL;
