// libFuzzer target: arbitrary bytes as a CSV export, decoded, parsed and imported as a
// transaction table and as a clients table with the suggested mapping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (baton::Entity entity : {baton::Entity::Transactions, baton::Entity::Clients}) {
        baton::LoadTableResult loaded =
            baton::loadTable(entity, "fuzz.csv", bytes, baton::TableMapping{});
        if (!loaded.source) continue;
        baton::Mapping mapping;
        mapping.fillDown = loaded.source->table.header;
        baton::ImportOptions options;
        options.today = "2024-01-01";
        baton::importTables({*loaded.source}, mapping, nullptr, options);
    }
    return 0;
}
