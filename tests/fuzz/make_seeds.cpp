// Writes seed inputs for the fuzz targets into the folder given as the first argument:
// small CSV files in the encodings imports meet, a workbook, and a workspace.
#include <fstream>
#include <string>

#include "../unit/zip_writer.h"

namespace {

void write(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    std::string dir = argv[1];
    write(dir + "/csv/plain.csv", "client,date,amount,employee\nC1,2023-9-1,\"1,000\",E1\n"
                                  "C2,,5,E2\n\"C\"\"3\",2023/09/02,-1,\n");
    write(dir + "/csv/bom.csv", "\xEF\xBB\xBF客户id,姓名,,,\n001,Tom,,,\n2.77414E+11,A,,\n");
    write(dir + "/csv/gbk.csv", "\xB6\xA9\xBB\xF5\xC8\xD5\xC6\xDA,\xBF\xCD\xBB\xA7\r\n"
                                "2023-9-1,\xBF\xCD\xBB\xA7" "1\r\n");
    write(dir + "/csv/semicolon.csv", "client;date;amount\nC1;01.09.2023;1.234,5\n");
    std::string sheet = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" "
                        "t=\"inlineStr\"><is><t>owner</t></is></c></row><row r=\"2\"><c r=\"A2\" "
                        "t=\"s\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>45170</v></c></row>";
    write(dir + "/xlsx/book.xlsx",
          baton::testing::buildXlsx({{"Sheet1", sheet}, {"Sheet2", sheet}},
                                    "<si><t>name</t></si><si><r><t>Acme</t></r></si>",
                                    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"));
    write(dir + "/json/workspace.json",
          R"({"format": "baton-workspace", "version": 1,
              "employees": [{"id": "E1", "name": "王婷", "status": "active"}],
              "clients": [{"id": "C1", "name": "Acme", "owner": "E1"}],
              "transactions": [{"client": "C1", "date": "2023-01-01", "amount": 5}]})");
    return 0;
}
