#include "store/storage_status.h"

namespace baton {

const char* toString(PersistenceState state) {
    switch (state) {
        case PersistenceState::Unknown: return "unknown";
        case PersistenceState::Granted: return "granted";
        case PersistenceState::Denied: return "denied";
        case PersistenceState::Unavailable: return "unavailable";
    }
    return "unknown";
}

}  // namespace baton
