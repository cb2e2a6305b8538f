// Command linkcheck crawls a site and reports broken links.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

const (
	defaultWorkers = 8
	maxBodySize    = 1 << 20 // 1 MiB
	userAgent      = "linkcheck/0.3 (+https://example.com/bot)"
)

// Result is what we record for every URL we visit.
type Result struct {
	URL      string        `json:"url"`
	Status   int           `json:"status"`
	Duration time.Duration `json:"duration_ms"`
	Err      error         `json:"-"`
}

type Checker struct {
	client  *http.Client
	mu      sync.Mutex
	seen    map[string]bool
	results []Result
}

/* check fetches one URL and records its status.
   It is safe to call from many goroutines. */
func (c *Checker) check(ctx context.Context, url string) {
	c.mu.Lock()
	if c.seen[url] {
		c.mu.Unlock()
		return
	}
	c.seen[url] = true
	c.mu.Unlock()

	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		log.Printf("bad url %q: %v\n", url, err)
		return
	}

	start := time.Now()
	resp, err := c.client.Do(req)
	r := Result{URL: url, Duration: time.Since(start), Err: err}
	if err == nil {
		r.Status = resp.StatusCode
		resp.Body.Close()
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	c.results = append(c.results, r)
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	workers := flag.Int("workers", defaultWorkers, "number of parallel requests")
	timeout := flag.Duration("timeout", 10*time.Second, "per-request timeout")
	flag.Parse()

	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: linkcheck [flags] URL...")
		os.Exit(2)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	checker := &Checker{client: &http.Client{Timeout: *timeout}, seen: map[string]bool{}}
	urls := make(chan string)
	var wg sync.WaitGroup
	for i := 0; i < *workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range urls {
				checker.check(ctx, u)
			}
		}()
	}
	for _, u := range flag.Args() {
		urls <- strings.TrimSpace(u)
	}
	close(urls)
	wg.Wait()

	broken := 0
	for _, r := range checker.results {
		switch {
		case r.Err != nil:
			broken++
			fmt.Printf("\x1b[31mERR\x1b[0m %s\t%v\n", r.URL, r.Err)
		case r.Status >= 400:
			broken++
			fmt.Printf("%3d %s\n", r.Status, r.URL)
		}
	}
	ratio := float64(broken) / float64(len(checker.results)+1)
	fmt.Printf("%d broken (%.1f%%), sep=%c, mask=%#x, z=%v\n", broken, ratio*100.0, '\t', 0xFF&^0x0F, 2.5e-3+1i)
}
