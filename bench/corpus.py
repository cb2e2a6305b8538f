"""The bench corpus: a folder of Jekyll posts, read once and replicated.

Copy K of a post (K >= 1) is dated K days later, in its file name and in any
`date:` of its front matter, has `-cK` added to its slug, and ends with a
line naming the copy, so every copy is a distinct post with its own URL and
its own bytes. Copy 0 is the post as it is.
"""

import datetime
import json
import os
import re

FILE_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+?)(\.[A-Za-z0-9]+)$")
DATE_KEY = re.compile(r"^(date:\s*[\"']?)(\d{4}-\d{2}-\d{2})", re.MULTILINE)


class Post:
    """One post: its file name's parts, its front matter and its body."""

    def __init__(self, day, slug, ext, front, body):
        self.day, self.slug, self.ext = day, slug, ext
        self.front, self.body = front, body

    @property
    def file_name(self):
        return f"{self.day:%Y-%m-%d}-{self.slug}{self.ext}"

    def text(self):
        if self.front is None:
            return self.body
        return f"---\n{self.front}---\n{self.body}"

    def copy(self, k):
        """Copy k: k days later, slug SLUG-ck, one unique line more."""
        if k == 0:
            return self
        shift = datetime.timedelta(days=k)

        def later(match):
            day = datetime.date.fromisoformat(match.group(2)) + shift
            return f"{match.group(1)}{day:%Y-%m-%d}"

        front = DATE_KEY.sub(later, self.front) if self.front is not None else None
        body = self.body.rstrip("\n") + f"\n\nThis is copy {k} of {self.slug}, made for the benchmark.\n"
        return Post(self.day + shift, f"{self.slug}-c{k}", self.ext, front, body)

    def meta(self):
        """The front matter's simple keys (title, date, author, category,
        categories, tags) as strings or lists: enough for the peers' inputs."""
        values, key = {}, None
        for line in (self.front or "").splitlines():
            item = re.match(r"^\s+-\s+(.*)$", line)
            if item and key:
                values.setdefault(key, [])
                if isinstance(values[key], list):
                    values[key].append(scalar(item.group(1)))
                continue
            pair = re.match(r"^([A-Za-z_][\w-]*):\s*(.*)$", line)
            if not pair:
                key = None
                continue
            key, raw = pair.group(1), pair.group(2).strip()
            if raw.startswith("[") and raw.endswith("]"):
                values[key] = [scalar(v) for v in raw[1:-1].split(",") if v.strip()]
            elif raw:
                values[key] = scalar(raw)
        return values

    def date(self):
        """The post's date and time: its `date:`, else its file name's day."""
        raw = self.meta().get("date")
        if isinstance(raw, str):
            for pattern in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
                try:
                    value = datetime.datetime.strptime(raw, pattern)
                    return value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
                except ValueError:
                    continue
        return datetime.datetime(self.day.year, self.day.month, self.day.day, tzinfo=datetime.timezone.utc)

    def title(self):
        title = self.meta().get("title")
        return title if isinstance(title, str) and title else self.slug

    def categories(self):
        meta = self.meta()
        found = []
        for key in ("category", "categories"):
            value = meta.get(key)
            if isinstance(value, str):
                found += value.split()
            elif isinstance(value, list):
                found += [v for v in value if isinstance(v, str)]
        return found


def scalar(raw):
    """A YAML scalar written as Jekyll posts write them: plain or quoted."""
    raw = raw.strip()
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        try:
            return json.loads(raw)
        except ValueError:
            return raw[1:-1]
    if raw.startswith("'") and raw.endswith("'") and len(raw) >= 2:
        return raw[1:-1].replace("''", "'")
    return raw


class Corpus:
    """Every post of a folder, in file-name order."""

    def __init__(self, posts, size):
        self.posts, self.size = posts, size

    @staticmethod
    def read(folder):
        posts, size = [], 0
        for name in sorted(os.listdir(folder)):
            match = FILE_NAME.match(name)
            if not match:
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            size += len(text.encode("utf-8"))
            front, body = None, text
            if text.startswith("---\n"):
                end = text.find("\n---\n", 3)
                if end >= 0:
                    front, body = text[4:end + 1], text[end + 5:]
            day = datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            posts.append(Post(day, match.group(4), match.group(5), front, body))
        if not posts:
            raise SystemExit(f"bench: no posts named YYYY-MM-DD-slug.ext in {folder}")
        return Corpus(posts, size)

    def replicated_posts(self, scale):
        """Copies 0..scale-1 of every post."""
        return [post.copy(k) for k in range(scale) for post in self.posts]


def replicate(corpus, scale, folder):
    """Writes copies 0..scale-1 of every post into folder."""
    os.makedirs(folder, exist_ok=True)
    for post in corpus.replicated_posts(scale):
        with open(os.path.join(folder, post.file_name), "w", encoding="utf-8") as f:
            f.write(post.text())
