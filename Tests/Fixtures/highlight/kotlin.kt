package com.example.notes

import kotlinx.coroutines.*
import java.time.LocalDate

/**
 * A note-taking repository, small enough for a blog post.
 */
enum class Priority { LOW, NORMAL, HIGH }

data class Note(
    val id: Long,
    val title: String,
    val body: String = "",
    val tags: Set<String> = emptySet(),
    val priority: Priority = Priority.NORMAL,
    val created: LocalDate = LocalDate.now(),
)

sealed class Result<out T> {
    data class Ok<T>(val value: T) : Result<T>()
    data class Failure(val message: String) : Result<Nothing>()
}

interface NoteStore {
    suspend fun save(note: Note): Result<Note>
    suspend fun find(id: Long): Note?
    fun all(): List<Note>
}

class InMemoryStore : NoteStore {
    private val notes = mutableMapOf<Long, Note>()
    private var nextId = 1L

    override suspend fun save(note: Note): Result<Note> {
        if (note.title.isBlank()) return Result.Failure("title must not be blank")
        val stored = if (note.id == 0L) note.copy(id = nextId++) else note
        notes[stored.id] = stored
        return Result.Ok(stored)
    }

    override suspend fun find(id: Long): Note? = notes[id]

    override fun all(): List<Note> = notes.values.sortedByDescending { it.priority }

    companion object {
        const val MAX_NOTES = 1_000
        fun withSamples(): InMemoryStore = InMemoryStore()
    }
}

fun List<Note>.tagged(tag: String): List<Note> = filter { tag in it.tags }

fun Note.summary(width: Int = 40): String {
    val text = if (body.length > width) body.take(width - 1) + "…" else body
    return "#$id ${title.uppercase()}: $text"
}

fun main() = runBlocking {
    val store = InMemoryStore.withSamples()
    val drafts = listOf(
        Note(0, "Groceries", "milk, eggs, coffee", setOf("home")),
        Note(0, "Release 2.0", "tag, build, publish", setOf("work"), Priority.HIGH),
        Note(0, "", "this one is invalid"),
    )

    val jobs = drafts.map { note -> async { store.save(note) } }
    for (result in jobs.awaitAll()) {
        when (result) {
            is Result.Ok -> println("saved ${result.value.summary()}")
            is Result.Failure -> System.err.println("error: ${result.message}")
        }
    }

    val (work, other) = store.all().partition { "work" in it.tags }
    println("work=${work.size}, other=${other.size}, ratio=${work.size / 3.0f}")

    var attempts = 0
    outer@ while (attempts < 3) {
        for (n in 1..10 step 2) {
            if (n * attempts > 12) break@outer
        }
        attempts++
    }
    val mask = 0xFF and 0b1010
    val json = """
        {"notes": ${store.all().size}, "mask": $mask}
    """.trimIndent()
    println(json)
    println(store.find(1)?.title ?: "none")
    println(store.find(1)!!.tags.joinToString(separator = ", ", prefix = "[", postfix = "]"))
    delay(100L)
}
