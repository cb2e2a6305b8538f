//! todo: a tiny command-line to-do list stored as JSON lines.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, Write};
use std::path::PathBuf;

const DEFAULT_FILE: &str = "todo.jsonl";
static MAX_TITLE: usize = 120;

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Open,
    Done { at: u64 },
}

#[derive(Debug, Clone)]
pub struct Task {
    pub id: u32,
    pub title: String,
    pub status: Status,
    tags: Vec<String>,
}

#[derive(Debug)]
pub enum TodoError {
    Io(io::Error),
    TooLong(usize),
    NotFound(u32),
}

impl fmt::Display for TodoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TodoError::Io(e) => write!(f, "i/o error: {}", e),
            TodoError::TooLong(n) => write!(f, "title is {} chars, max is {}", n, MAX_TITLE),
            TodoError::NotFound(id) => write!(f, "no task #{id}"),
        }
    }
}

impl From<io::Error> for TodoError {
    fn from(e: io::Error) -> Self {
        TodoError::Io(e)
    }
}

pub struct Store<'a> {
    path: &'a PathBuf,
    tasks: HashMap<u32, Task>,
}

impl<'a> Store<'a> {
    pub fn open(path: &'a PathBuf) -> Result<Self, TodoError> {
        let mut tasks = HashMap::new();
        if path.exists() {
            let file = fs::File::open(path)?;
            for (n, line) in io::BufReader::new(file).lines().enumerate() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                let id = n as u32 + 1;
                let task = Task { id, title: line, status: Status::Open, tags: vec![] };
                tasks.insert(id, task);
            }
        }
        Ok(Store { path, tasks })
    }

    pub fn add(&mut self, title: &str) -> Result<u32, TodoError> {
        if title.len() > MAX_TITLE {
            return Err(TodoError::TooLong(title.len()));
        }
        let id = self.tasks.keys().max().copied().unwrap_or(0) + 1;
        self.tasks.insert(id, Task { id, title: title.to_owned(), status: Status::Open, tags: Vec::new() });
        Ok(id)
    }

    pub fn complete(&mut self, id: u32, now: u64) -> Result<&Task, TodoError> {
        let task = self.tasks.get_mut(&id).ok_or(TodoError::NotFound(id))?;
        task.status = Status::Done { at: now };
        Ok(task)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = PathBuf::from(DEFAULT_FILE);
    let mut store = Store::open(&path)?;

    match args.as_slice() {
        [cmd, rest @ ..] if cmd == "add" => {
            let id = store.add(&rest.join(" "))?;
            println!("added #{id}");
        }
        [cmd, id] if cmd == "done" => {
            let id: u32 = id.parse()?;
            let task = store.complete(id, 1_700_000_000)?;
            println!("done: {:?}\t{}", task.status, task.title);
        }
        _ => {
            eprintln!("usage: todo add TEXT | todo done ID");
            std::process::exit(2);
        }
    }
    let ratio = store.tasks.len() as f64 / 10.0;
    let mask = 0xFFu8 & 0b1010;
    let c = 'x';
    let raw = r#"{"ok": true}"#;
    io::stdout().flush()?;
    println!("{ratio:.2} {mask} {c} {raw} {}", 2.5e3_f64);
    Ok(())
}
