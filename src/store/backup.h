// Backup files: one workspace with its name and dates, as JSON text.
//
//   {"format": "baton-backup", "version": 1, "created": "2026-12-04T10:00:00Z",
//    "workspace": {"name": "Firm A", "created": "2026-11-01T09:00:00Z"},
//    "data": { ... the workspace document ... }}
//
// An encrypted backup (made by the page with WebCrypto) has "encrypted" in place of
// "workspace" and "data": {"kdf": "PBKDF2-SHA-256", "iterations", "salt", "cipher":
// "AES-GCM-256", "iv", "ciphertext"}, all binary values base64, the plaintext being the
// unencrypted backup text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "io/workspace_json.h"

namespace baton {

std::string writeBackup(const Workspace& workspace, const std::string& name,
                        const std::string& created, const std::string& now);

struct BackupReadResult {
    std::optional<Workspace> workspace;
    std::string name;  // the workspace name stored in the backup, "" for a bare workspace
    std::vector<JsonError> errors;
};

// Reads a backup, or a bare workspace document (an export) as well. An encrypted backup
// is rejected with a message that asks for the passphrase.
BackupReadResult readBackup(std::string_view text);

}  // namespace baton
