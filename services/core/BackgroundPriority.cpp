#include "core/BackgroundPriority.h"

#include <QThread>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace caseyos {

namespace {
#if defined(Q_OS_LINUX)
// nice 10: a weight of about a tenth of the UI thread's, and still well above "idle", so background work
// keeps moving on a machine that is busy with other programs.
constexpr int kBackgroundNice = 10;

pid_t currentThreadId()
{
    return static_cast<pid_t>(::syscall(SYS_gettid));
}
#endif
} // namespace

bool lowerCurrentThreadPriority()
{
#if defined(Q_OS_LINUX)
    const pid_t tid = currentThreadId();
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, static_cast<id_t>(tid));
    if (errno != 0)
        return false;
    if (current >= kBackgroundNice)
        return true; // never raise a priority someone lowered further
    return ::setpriority(PRIO_PROCESS, static_cast<id_t>(tid), kBackgroundNice) == 0;
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
    return true;
#endif
}

int currentThreadNiceness()
{
#if defined(Q_OS_LINUX)
    errno = 0;
    const int value = ::getpriority(PRIO_PROCESS, static_cast<id_t>(currentThreadId()));
    return errno == 0 ? value : 0;
#else
    return 0;
#endif
}

} // namespace caseyos
