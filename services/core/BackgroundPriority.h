#pragma once

namespace caseyos {

// Lowers the calling thread's CPU priority for background work (storage writes, import reading, background
// checks, sync), so the UI thread wins the CPU whenever it needs it: on a two-core machine an import keeps
// the storage thread, the reader and the checks all runnable, and at equal priority the UI thread queued
// behind them for 100 ms and more. On Linux QThread priorities do nothing under SCHED_OTHER, so this sets
// the thread's nice value (per thread on Linux); elsewhere it uses QThread::LowPriority. The work still runs
// at full speed whenever the UI thread is idle. Returns false when the system refused (nothing changes then).
bool lowerCurrentThreadPriority();

// The calling thread's nice value on Linux (0 elsewhere): for tests.
int currentThreadNiceness();

} // namespace caseyos
