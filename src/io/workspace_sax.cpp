// The streaming workspace reader: a nlohmann::json SAX handler that reads each entity of
// the top-level arrays into a reused RecordValue and then into its model record, and
// builds nlohmann::json values for the rest of the document.
#include "io/workspace_sax.h"

#include <algorithm>
#include <utility>

namespace baton::workspace_sax {

using json_fields::ErrorSink;
using json_fields::pointerJoin;
using json_fields::RecordReader;
using json_fields::RecordValue;
using nlohmann::json;
using Kind = RecordValue::Kind;

namespace {

struct ListInfo {
    const char* key;
    const char* noun;
};

constexpr ListInfo kLists[kListCount] = {{"employees", "employee"},
                                         {"clients", "client"},
                                         {"transactions", "transaction"},
                                         {"relationships", "relationship"},
                                         {"deals", "deal"}};

std::optional<List> listOfKey(const std::string& key) {
    for (int i = 0; i < kListCount; ++i) {
        if (key == kLists[i].key) return static_cast<List>(i);
    }
    return std::nullopt;
}

// The SAX handler. Containers are tracked by mode: the root object's members, a json
// value under construction in the skeleton, a streamed list between its items, one
// entity record, or a subtree whose content does not matter (an item that is no object).
class WorkspaceHandler {
public:
    WorkspaceHandler(json& skeleton, StreamedLists& lists) : m_skeleton(skeleton), m_lists(lists) {}

    const std::optional<ParseFailure>& failure() const { return m_failure; }

    bool null() {
        if (m_mode == Mode::Record) {
            // Placed like any other value, so that a null in an array of an entity is kept.
            placeRecordValue(Kind::Null);
            return true;
        }
        return scalar(json(nullptr), Kind::Null);
    }
    bool boolean(bool value) {
        if (m_mode == Mode::Record) {
            RecordValue& slot = placeRecordValue(Kind::Boolean);
            slot.boolean = value;
            return true;
        }
        return scalar(json(value), Kind::Boolean);
    }
    bool number_integer(json::number_integer_t value) {
        if (m_mode == Mode::Record) {
            placeRecordValue(Kind::Integer).integer = value;
            return true;
        }
        return scalar(json(value), Kind::Integer);
    }
    bool number_unsigned(json::number_unsigned_t value) {
        if (m_mode == Mode::Record) {
            placeRecordValue(Kind::Unsigned).unsignedInteger = value;
            return true;
        }
        return scalar(json(value), Kind::Unsigned);
    }
    bool number_float(json::number_float_t value, const std::string& /*text*/) {
        if (m_mode == Mode::Record) {
            placeRecordValue(Kind::Float).number = value;
            return true;
        }
        return scalar(json(value), Kind::Float);
    }
    bool string(std::string& value) {
        if (m_mode == Mode::Record) {
            // Copied, not moved, so that the lexer's buffer keeps its capacity.
            placeRecordValue(Kind::String).text = value;
            return true;
        }
        return scalar(json(std::move(value)), Kind::String);
    }
    bool binary(json::binary_t& value) { return scalar(json(value), Kind::Null); }

    bool start_object(std::size_t /*elements*/) { return startContainer(true); }
    bool start_array(std::size_t /*elements*/) { return startContainer(false); }
    bool end_object() { return endContainer(); }
    bool end_array() { return endContainer(); }
    bool key(std::string& key);

    bool parse_error(std::size_t position, const std::string& /*token*/,
                     const nlohmann::detail::exception& error) {
        ParseFailure failure;
        failure.syntax = dynamic_cast<const json::parse_error*>(&error) != nullptr;
        failure.byte = position;
        failure.what = error.what();
        m_failure = std::move(failure);
        return false;
    }

private:
    enum class Mode { Root, Members, Skeleton, List, Record, Skip };

    bool scalar(json value, Kind kind);
    bool startContainer(bool isObject);
    bool endContainer();
    RecordValue& placeRecordValue(Kind kind);
    json& placeSkeletonValue(json value);
    void itemNotObject(const char* found);
    void duplicateKey(std::vector<JsonError>& errors, const std::string& pointer);
    std::string skeletonPointer() const;
    std::string recordPointer() const;
    void finishRecord();
    void resetList(List list);
    template <typename T>
    void readItem(std::vector<T>& out, std::vector<std::size_t>& sources);

    json& m_skeleton;
    StreamedLists& m_lists;
    std::optional<ParseFailure> m_failure;
    Mode m_mode = Mode::Root;
    std::string m_memberKey;                  // the root object's current member
    std::vector<std::string> m_rootKeys;      // the root object's members so far
    std::vector<json*> m_skeletonStack;       // open containers of a skeleton value
    std::string m_skeletonKey;                // key of the next value in a skeleton object
    List m_list = kEmployees;                 // the list being streamed
    std::size_t m_index = 0;                  // index of the list's next item
    RecordValue m_record;                     // the entity being read
    std::vector<RecordValue*> m_recordStack;  // open containers of the entity
    std::size_t m_recordSlot = 0;             // member index of the next value in an object
    int m_skipDepth = 0;                      // open containers of a skipped subtree
    Mode m_afterSkip = Mode::Root;
};

bool WorkspaceHandler::key(std::string& key) {
    switch (m_mode) {
        case Mode::Members: {
            // A repeated member is an error. The later value still replaces the earlier one,
            // as in nlohmann::json::parse, so that the rest of the document is checked.
            if (std::find(m_rootKeys.begin(), m_rootKeys.end(), key) != m_rootKeys.end()) {
                duplicateKey(m_lists.duplicateKeys, pointerJoin("", key));
            } else {
                m_rootKeys.push_back(key);
            }
            m_skeleton.erase(key);
            if (std::optional<List> list = listOfKey(key)) resetList(*list);
            m_memberKey = std::move(key);
            return true;
        }
        case Mode::Skeleton: {
            const json& container = *m_skeletonStack.back();
            if (container.is_object() && container.contains(key)) {
                duplicateKey(m_lists.duplicateKeys, pointerJoin(skeletonPointer(), key));
            }
            m_skeletonKey = std::move(key);
            return true;
        }
        case Mode::Record: {
            RecordValue& object = *m_recordStack.back();
            for (std::size_t i = 0; i < object.keys.size(); ++i) {
                if (object.keys[i] == key) {
                    duplicateKey(m_lists.errors[m_list], pointerJoin(recordPointer(), key));
                    m_recordSlot = i;
                    object.items[i] = RecordValue{};
                    return true;
                }
            }
            m_recordSlot = object.keys.size();
            object.keys.push_back(std::move(key));
            object.items.emplace_back();
            return true;
        }
        default: return true;
    }
}

void WorkspaceHandler::duplicateKey(std::vector<JsonError>& errors, const std::string& pointer) {
    ErrorSink sink(errors, false);
    if (sink.full()) return;
    sink.add(pointer, "this key appears more than once in its object, and JSON readers differ "
                      "on which value counts; keep one of them");
}

// The JSON pointer of the skeleton container open at the top of the stack.
std::string WorkspaceHandler::skeletonPointer() const {
    std::string pointer = pointerJoin("", m_memberKey);
    for (std::size_t level = 1; level < m_skeletonStack.size(); ++level) {
        const json& parent = *m_skeletonStack[level - 1];
        const json* child = m_skeletonStack[level];
        if (parent.is_array()) {
            for (std::size_t i = 0; i < parent.size(); ++i) {
                if (&parent[i] == child) pointer = pointerJoin(pointer, i);
            }
            continue;
        }
        for (const auto& [name, value] : parent.items()) {
            if (&value == child) pointer = pointerJoin(pointer, name);
        }
    }
    return pointer;
}

// The JSON pointer of the entity container open at the top of the stack.
std::string WorkspaceHandler::recordPointer() const {
    std::string pointer = pointerJoin(pointerJoin("", kLists[m_list].key), m_index);
    for (std::size_t level = 1; level < m_recordStack.size(); ++level) {
        const RecordValue& parent = *m_recordStack[level - 1];
        for (std::size_t i = 0; i < parent.items.size(); ++i) {
            if (&parent.items[i] != m_recordStack[level]) continue;
            pointer = parent.kind == Kind::Array ? pointerJoin(pointer, i)
                                                 : pointerJoin(pointer, parent.keys[i]);
        }
    }
    return pointer;
}

RecordValue& WorkspaceHandler::placeRecordValue(Kind kind) {
    RecordValue& container = *m_recordStack.back();
    // key() has placed an empty value for an object member.
    RecordValue& slot = container.kind == Kind::Array ? container.items.emplace_back()
                                                      : container.items[m_recordSlot];
    slot.kind = kind;
    return slot;
}

json& WorkspaceHandler::placeSkeletonValue(json value) {
    if (m_mode == Mode::Members) {
        json& slot = m_skeleton[m_memberKey];
        slot = std::move(value);
        return slot;
    }
    json& container = *m_skeletonStack.back();
    if (container.is_array()) {
        container.push_back(std::move(value));
        return container.back();
    }
    json& slot = container[m_skeletonKey];
    slot = std::move(value);
    return slot;
}

const char* kindName(Kind kind) {
    switch (kind) {
        case Kind::Null: return "null";
        case Kind::Boolean: return "a boolean";
        case Kind::String: return "a string";
        case Kind::Array: return "an array";
        case Kind::Object: return "an object";
        default: return "a number";
    }
}

void WorkspaceHandler::itemNotObject(const char* found) {
    const ListInfo& info = kLists[m_list];
    ErrorSink sink(m_lists.errors[m_list], false);
    sink.add(pointerJoin(pointerJoin("", info.key), m_index),
             std::string("each ") + info.noun + " must be an object, found " + found);
    ++m_index;
}

bool WorkspaceHandler::scalar(json value, Kind kind) {
    switch (m_mode) {
        case Mode::Root: m_skeleton = std::move(value); return true;
        case Mode::Members:
        case Mode::Skeleton: placeSkeletonValue(std::move(value)); return true;
        case Mode::List: itemNotObject(kindName(kind)); return true;
        default: return true;
    }
}

bool WorkspaceHandler::startContainer(bool isObject) {
    // Made only for the skeleton, because an empty json object is an allocation and every
    // entity of a streamed list starts a container.
    auto empty = [isObject]() { return isObject ? json::object() : json::array(); };
    switch (m_mode) {
        case Mode::Root:
            m_skeleton = empty();
            if (isObject) {
                m_mode = Mode::Members;
            } else {
                m_mode = Mode::Skip;
                m_skipDepth = 1;
                m_afterSkip = Mode::Root;
            }
            return true;
        case Mode::Members: {
            std::optional<List> list = listOfKey(m_memberKey);
            if (list && !isObject) {
                m_list = *list;
                m_index = 0;
                m_lists.streamed[m_list] = true;
                m_mode = Mode::List;
                return true;
            }
            m_skeletonStack.assign(1, &placeSkeletonValue(empty()));
            m_mode = Mode::Skeleton;
            return true;
        }
        case Mode::Skeleton: m_skeletonStack.push_back(&placeSkeletonValue(empty())); return true;
        case Mode::List:
            if (!isObject) {
                itemNotObject("an array");
                m_mode = Mode::Skip;
                m_skipDepth = 1;
                m_afterSkip = Mode::List;
                return true;
            }
            // Cleared rather than replaced, so that its vectors keep their capacity.
            m_record.keys.clear();
            m_record.items.clear();
            m_record.kind = Kind::Object;
            m_recordStack.assign(1, &m_record);
            m_mode = Mode::Record;
            return true;
        case Mode::Record:
            m_recordStack.push_back(&placeRecordValue(isObject ? Kind::Object : Kind::Array));
            return true;
        case Mode::Skip: ++m_skipDepth; return true;
    }
    return true;
}

bool WorkspaceHandler::endContainer() {
    switch (m_mode) {
        case Mode::Members: m_mode = Mode::Root; return true;
        case Mode::Skeleton:
            m_skeletonStack.pop_back();
            if (m_skeletonStack.empty()) m_mode = Mode::Members;
            return true;
        case Mode::List: m_mode = Mode::Members; return true;
        case Mode::Record:
            m_recordStack.pop_back();
            if (m_recordStack.empty()) {
                finishRecord();
                m_mode = Mode::List;
            }
            return true;
        case Mode::Skip:
            if (--m_skipDepth == 0) m_mode = m_afterSkip;
            return true;
        case Mode::Root: return true;
    }
    return true;
}

void WorkspaceHandler::resetList(List list) {
    Workspace& ws = m_lists.entities;
    SourceIndex& src = m_lists.sources;
    m_lists.streamed[list] = false;
    m_lists.errors[list].clear();
    switch (list) {
        case kEmployees: ws.employees.clear(), src.employees.clear(); break;
        case kClients: ws.clients.clear(), src.clients.clear(); break;
        case kTransactions: ws.transactions.clear(), src.transactions.clear(); break;
        case kRelationships: ws.relationships.clear(), src.relationships.clear(); break;
        case kDeals: ws.deals.clear(), src.deals.clear(); break;
        case kListCount: break;
    }
}

template <typename T>
void WorkspaceHandler::readItem(std::vector<T>& out, std::vector<std::size_t>& sources) {
    ErrorSink sink(m_lists.errors[m_list], false);
    RecordReader reader(sink, m_record, kLists[m_list].key, m_index);
    T entity;
    readEntity(reader, entity);
    out.push_back(std::move(entity));
    sources.push_back(m_index);
}

void WorkspaceHandler::finishRecord() {
    Workspace& ws = m_lists.entities;
    SourceIndex& src = m_lists.sources;
    switch (m_list) {
        case kEmployees: readItem(ws.employees, src.employees); break;
        case kClients: readItem(ws.clients, src.clients); break;
        case kTransactions: readItem(ws.transactions, src.transactions); break;
        case kRelationships: readItem(ws.relationships, src.relationships); break;
        case kDeals: readItem(ws.deals, src.deals); break;
        case kListCount: break;
    }
    ++m_index;
}

}  // namespace

std::optional<ParseFailure> parseWorkspaceStream(std::string_view text, json& skeleton,
                                                 StreamedLists& lists) {
    WorkspaceHandler handler(skeleton, lists);
    bool parsed = json::sax_parse(text.begin(), text.end(), &handler);
    if (!parsed && handler.failure()) return handler.failure();
    return std::nullopt;
}

}  // namespace baton::workspace_sax
