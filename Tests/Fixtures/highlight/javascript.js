#!/usr/bin/env node
'use strict';

/**
 * A tiny static file server with live reload, for previewing a blog.
 * Usage: node serve.js [dir] [--port 4000]
 */
const http = require('http');
const fs = require('fs/promises');
const path = require("path");

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': "application/javascript",
  '.svg': 'image/svg+xml',
  png: 'image/png',
};

const DEFAULT_PORT = 4000;
const clients = new Set();

function parseArgs(argv) {
  const options = { root: '.', port: DEFAULT_PORT, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port' || arg === '-p') {
      options.port = parseInt(argv[++i], 10);
    } else if (arg.startsWith('--')) {
      options[arg.slice(2)] = true;
    } else {
      options.root = arg;
    }
  }
  return options;
}

// Turns "/2024/01/hello/" into a file path inside the site folder.
async function resolveFile(root, url) {
  let pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.join(root, path.normalize(pathname).replace(/^(\.\.[\/\\])+/, ''));
  try {
    const stat = await fs.stat(file);
    return stat.isDirectory() ? path.join(file, 'index.html') : file;
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
    return null;
  }
}

class Server {
  constructor(options) {
    this.options = options;
    this.requests = 0;
  }

  get url() {
    return `http://localhost:${this.options.port}/`;
  }

  async handle(req, res) {
    this.requests++;
    const started = Date.now();
    const file = await resolveFile(this.options.root, req.url);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end(`Not found: ${req.url}\n`);
    }
    const type = MIME_TYPES[path.extname(file)] ?? 'application/octet-stream';
    const body = await fs.readFile(file);
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
    res.end(body);
    if (this.options.verbose) {
      console.log(`${req.method} ${req.url} -> ${type} (${Date.now() - started} ms)`);
    }
  }

  listen() {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        console.error(err.stack);
        res.writeHead(500);
        res.end('Internal error\n');
      });
    });
    server.listen(this.options.port, () => console.log(`Serving at ${this.url}`));
    return server;
  }
}

const options = parseArgs(process.argv.slice(2));
const ratio = 0.75, mask = 0xff, big = 1e6;
const isDraft = (name) => /^_drafts\//i.test(name) && name !== undefined;
new Server(options).listen();

process.on('SIGINT', () => {
  for (const client of clients) client.destroy();
  process.exit(0);
});

module.exports = { parseArgs, resolveFile, Server };
