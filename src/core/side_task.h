// A piece of work that runs beside the caller's own: on a second thread in builds with
// threads (BATON_THREADS, the native ones), at once on the caller's thread otherwise (the
// WebAssembly builds, which have no pthreads). Callers give it work that shares no mutable
// state with what they do before join(), so both orders give the same results.
#pragma once

#include <exception>
#include <functional>
#include <utility>

#if BATON_THREADS
#include <thread>
#endif

namespace baton {

class SideTask {
public:
    // True when the work runs on a second thread, beside the caller's own.
#if BATON_THREADS
    static constexpr bool kConcurrent = true;
#else
    static constexpr bool kConcurrent = false;
#endif

    explicit SideTask(std::function<void()> work) {
#if BATON_THREADS
        m_thread = std::thread([this, work = std::move(work)] { run(work); });
#else
        run(work);
#endif
    }
    SideTask(const SideTask&) = delete;
    SideTask& operator=(const SideTask&) = delete;
    ~SideTask() {
#if BATON_THREADS
        if (m_thread.joinable()) m_thread.join();
#endif
    }

    // Waits for the work to end and rethrows the exception it ended with, if any.
    void join() {
#if BATON_THREADS
        if (m_thread.joinable()) m_thread.join();
#endif
        if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
    }

private:
    void run(const std::function<void()>& work) {
        try {
            work();
        } catch (...) {
            m_error = std::current_exception();
        }
    }

    std::exception_ptr m_error;
#if BATON_THREADS
    std::thread m_thread;
#endif
};

// CPU seconds of the calling thread where the build has threads (so that a phase's time
// leaves out the work beside it), else of the process. For benchmarks only.
double threadCpuSeconds();

}  // namespace baton
