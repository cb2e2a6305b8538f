<?php

declare(strict_types=1);

namespace App\Http\Controllers;

use App\Models\Post;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Cache;

// A small controller for a blog's JSON API.
final class PostController extends Controller
{
    public const PER_PAGE = 15;
    private const CACHE_TTL = 3600;

    private array $allowedSorts = ['published_at', 'title'];

    public function __construct(private readonly Cache $cache, protected ?string $prefix = null)
    {
        $this->prefix ??= 'posts';
    }

    public function index(Request $request): array
    {
        $page = max(1, (int) $request->query('page', 1));
        $sort = $request->query('sort', 'published_at');
        if (!in_array($sort, $this->allowedSorts, true)) {
            $sort = 'published_at';
        }

        $key = "{$this->prefix}:index:$page:$sort";
        $posts = $this->cache->remember($key, self::CACHE_TTL, function () use ($page, $sort) {
            return Post::query()
                ->where('status', 'published')
                ->orderBy($sort, 'desc')
                ->forPage($page, static::PER_PAGE)
                ->get();
        });

        return [
            'data' => array_map(fn (Post $post) => $this->present($post), $posts->all()),
            'page' => $page,
            'count' => count($posts),
        ];
    }

    public function show(string $slug): array
    {
        $post = Post::where('slug', $slug)->first();
        if ($post === null) {
            throw new NotFoundException(sprintf('No post "%s"', $slug), 404);
        }
        return $this->present($post);
    }

    # Shapes one post for the API.
    private function present(Post $post): array
    {
        $words = str_word_count(strip_tags($post->body));
        return [
            'title' => $post->title,
            'url' => url("/blog/{$post->slug}/"),
            'minutes' => (int) ceil($words / 238),
            'tags' => explode(',', $post->tags ?? ''),
            'excerpt' => mb_substr(trim($post->summary), 0, 160) . '…',
        ];
    }
}

function slugify(string $title, string $separator = '-'): string
{
    $slug = strtolower(trim($title));
    $slug = preg_replace('/[^a-z0-9]+/', $separator, $slug);
    return trim($slug, $separator);
}

$config = [
    'debug' => false,
    'ratio' => 0.75,
    'mask' => 0xFF,
    'limit' => 1_000,
];

try {
    echo slugify("Hello, World!\n") . PHP_EOL;
} catch (\InvalidArgumentException $e) {
    error_log($e->getMessage());
} finally {
    echo "done\t{$config['limit']}" . PHP_EOL;
}
?>
<p>Rendered at <?= date('H:i') ?></p>
