// libFuzzer target: arbitrary bytes as an XLSX workbook, read and imported as a clients
// table with the suggested mapping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/importer.h"
#include "io/xlsx.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    baton::readXlsx(bytes, "Sheet2");
    baton::XlsxReadResult sheet = baton::readXlsx(bytes);
    if (!sheet.table) return 0;
    baton::SourceTable source;
    source.entity = baton::Entity::Clients;
    source.file = "fuzz.xlsx";
    source.table = std::move(*sheet.table);
    baton::importTables({source}, baton::Mapping{}, nullptr, baton::ImportOptions{});
    return 0;
}
