// The options of the page API's allocate() and allocateAsync(), read from their JSON text.
#pragma once

#include <string>

#include "core/allocation.h"

namespace baton::platform {

// Reads a JSON object with optional "seed" and "baseline" (other keys are ignored).
// Returns false and sets `error` when the text is not such an object.
bool parseAllocateOptions(const char* text, AllocateOptions& options, std::string& error);

}  // namespace baton::platform
