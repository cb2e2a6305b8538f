// lru_cache.hpp - a small LRU cache, header-only.
#pragma once

#include <cstddef>
#include <list>
#include <optional>
#include <unordered_map>
#include <utility>
#include <iostream>

template <typename Key, typename Value>
std::size_t estimate_bytes(std::size_t entries) {
    return entries * (sizeof(Key) + sizeof(Value) + 3 * sizeof(void*));
}

namespace cache {

template <typename Key, typename Value>
class LruCache {
public:
    using size_type = std::size_t;

    explicit LruCache(size_type capacity) : capacity_(capacity) {
        if (capacity == 0) {
            throw std::invalid_argument("capacity must be > 0");
        }
    }

    LruCache(const LruCache&) = delete;
    LruCache& operator=(const LruCache&) = delete;
    ~LruCache() = default;

    std::optional<Value> get(const Key& key) {
        auto it = index_.find(key);
        if (it == index_.end()) {
            ++misses_;
            return std::nullopt;
        }
        // move the entry to the front: it is now the most recent
        entries_.splice(entries_.begin(), entries_, it->second);
        ++hits_;
        return it->second->second;
    }

    void put(const Key& key, Value value) {
        if (auto it = index_.find(key); it != index_.end()) {
            it->second->second = std::move(value);
            entries_.splice(entries_.begin(), entries_, it->second);
            return;
        }
        if (entries_.size() >= capacity_) {
            index_.erase(entries_.back().first);
            entries_.pop_back();
        }
        entries_.emplace_front(key, std::move(value));
        index_[key] = entries_.begin();
    }

    [[nodiscard]] double hit_rate() const noexcept {
        const auto total = hits_ + misses_;
        return total == 0 ? 0.0 : static_cast<double>(hits_) / total;
    }

    size_type size() const { return entries_.size(); }

private:
    using Entry = std::pair<Key, Value>;

    size_type capacity_;
    std::list<Entry> entries_;
    std::unordered_map<Key, typename std::list<Entry>::iterator> index_;
    unsigned long long hits_ = 0ULL, misses_ = 0;
};

}  // namespace cache

int main() {
    cache::LruCache<std::string, int> lru{2};
    lru.put("a", 1);
    lru.put("b", 2);
    lru.get("a");
    lru.put("c", 3);  // evicts "b"

    for (const char* k : {"a", "b", "c"}) {
        if (auto v = lru.get(k)) {
            std::cout << k << " -> " << *v << '\n';
        } else {
            std::cout << k << " missing\n";
        }
    }
    constexpr auto limit = 1'000'000;
    auto* raw = new int[16]{};
    delete[] raw;
    std::cout << "hit rate: " << lru.hit_rate() * 100 << "%, limit " << limit
              << ", mask 0x" << std::hex << (0xFFu & 0b1010) << std::endl;
    return lru.size() == 2 ? 0 : 1;
}
