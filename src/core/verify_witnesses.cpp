#include "core/verify_witnesses.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace baton::verify_detail {

namespace {

constexpr double kSlack = 1e-6;

const std::vector<std::string>& certificateNames() {
    static const std::vector<std::string> names = {"wprop1_value", "wprop1_difficulty",
                                                   "wef1_value", "wef1_difficulty"};
    return names;
}

bool isWef1(const std::string& certificate) {
    return certificate.rfind("wef1_", 0) == 0;
}

bool isValueTest(const std::string& certificate) {
    return certificate == "wprop1_value" || certificate == "wef1_value";
}

// A receiver's bundle reduced to what the four tests read.
struct Sums {
    double value = 0.0;
    double difficulty = 0.0;
    double maxValue = 0.0;
    double maxDifficulty = 0.0;
};

class WitnessChecker {
public:
    WitnessChecker(const Workspace& ws, const ReportedAllocation& r, const Evaluation& ev,
                   const Book& book, const Bundles& bundles, std::vector<std::string>& breaches)
        : m_ws(ws), m_r(r), m_ev(ev), m_book(book), m_b(bundles), m_breaches(breaches) {}

    void run();

private:
    void computeSums();
    bool reportedPassing(const std::string& certificate) const;
    int position(const std::string& employee) const;
    double largestOutside(std::size_t i) const;
    bool breaks(const std::string& certificate, std::size_t i, std::size_t k) const;
    std::string whyNotBroken(const std::string& certificate, std::size_t i, std::size_t k) const;
    std::string firstViolation(const std::string& certificate) const;
    void checkWitness(std::size_t n, std::set<std::string>& seen);
    void checkClient(const std::string& at, const Witness& w, std::size_t i, std::size_t k);
    const std::string& receiverId(std::size_t i) const {
        return m_ws.employees[std::size_t(m_book.receivers[i])].id;
    }

    const Workspace& m_ws;
    const ReportedAllocation& m_r;
    const Evaluation& m_ev;
    const Book& m_book;
    const Bundles& m_b;
    std::vector<std::string>& m_breaches;
    std::vector<Sums> m_sums;          // per receiver position
    std::vector<int> m_ownerPosition;  // per client: the receiver position, or -1
};

void WitnessChecker::computeSums() {
    m_sums.assign(m_b.clients.size(), Sums{});
    m_ownerPosition.assign(m_ws.clients.size(), -1);
    for (std::size_t i = 0; i < m_b.clients.size(); ++i) {
        for (int j : m_b.clients[i]) {
            const ClientScore& c = m_ev.clients[std::size_t(j)];
            Sums& s = m_sums[i];
            s.value += c.value;
            s.difficulty += c.difficulty;
            s.maxValue = std::max(s.maxValue, c.value);
            s.maxDifficulty = std::max(s.maxDifficulty, c.difficulty);
            m_ownerPosition[std::size_t(j)] = int(i);
        }
    }
}

bool WitnessChecker::reportedPassing(const std::string& certificate) const {
    const Certificates& c = m_r.certificates;
    if (certificate == "wprop1_value") return c.wprop1Value;
    if (certificate == "wprop1_difficulty") return c.wprop1Difficulty;
    if (certificate == "wef1_value") return c.wef1Value;
    return c.wef1Difficulty;
}

int WitnessChecker::position(const std::string& employee) const {
    for (std::size_t i = 0; i < m_book.receivers.size(); ++i) {
        if (receiverId(i) == employee) return int(i);
    }
    return -1;
}

// The value of the most valuable released client that receiver i does not hold, placed or
// not: the client that the WPROP1 test on value adds.
double WitnessChecker::largestOutside(std::size_t i) const {
    double largest = 0.0;
    for (std::size_t j = 0; j < m_ws.clients.size(); ++j) {
        if (m_book.released[j] && m_ownerPosition[j] != int(i))
            largest = std::max(largest, m_ev.clients[j].value);
    }
    return largest;
}

// Whether receiver i (and, for WEF1, i envying k) fails the certificate's test, with the
// same slack as verify's recomputation of the certificates.
bool WitnessChecker::breaks(const std::string& certificate, std::size_t i, std::size_t k) const {
    const Sums& a = m_sums[i];
    const Sums& b = m_sums[k];
    double wi = m_b.weights[i];
    double wk = m_b.weights[k];
    if (certificate == "wprop1_value") return a.value + largestOutside(i) + kSlack < m_b.targets[i];
    if (certificate == "wprop1_difficulty")
        return a.difficulty - a.maxDifficulty > m_b.shares[i] + kSlack;
    if (certificate == "wef1_value") return a.value / wi + kSlack < (b.value - b.maxValue) / wk;
    return (a.difficulty - a.maxDifficulty) / wi > b.difficulty / wk + kSlack;
}

// The recomputed sides of a test that the witness claims to fail, for its breach.
std::string WitnessChecker::whyNotBroken(const std::string& certificate, std::size_t i,
                                         std::size_t k) const {
    const Sums& a = m_sums[i];
    const Sums& b = m_sums[k];
    double wi = m_b.weights[i];
    double wk = m_b.weights[k];
    if (certificate == "wprop1_value") {
        return receiverId(i) + " receives " + number(a.value) +
               ", which with the most valuable client outside its bundle (" +
               number(largestOutside(i)) + ") reaches its target value " + number(m_b.targets[i]);
    }
    if (certificate == "wprop1_difficulty") {
        return receiverId(i) + "'s difficulty " + number(a.difficulty) +
               " less its hardest client (" + number(a.maxDifficulty) +
               ") is within its difficulty share " + number(m_b.shares[i]);
    }
    if (certificate == "wef1_value") {
        return receiverId(i) + "'s value per weight " + number(a.value / wi) +
               " is at least that of " + receiverId(k) + " without its most valuable client, " +
               number((b.value - b.maxValue) / wk);
    }
    return receiverId(i) + "'s difficulty per weight without its hardest client, " +
           number((a.difficulty - a.maxDifficulty) / wi) + ", is at most that of " + receiverId(k) +
           ", " + number(b.difficulty / wk);
}

// Names the first receiver (or ordered pair) that fails the test, in the order of the
// receivers' ids, or returns "" when none does.
std::string WitnessChecker::firstViolation(const std::string& certificate) const {
    std::size_t m = m_sums.size();
    for (std::size_t i = 0; i < m; ++i) {
        if (!m_b.tested[i]) continue;
        if (!isWef1(certificate)) {
            if (breaks(certificate, i, i)) return receiverId(i);
            continue;
        }
        for (std::size_t k = 0; k < m; ++k) {
            if (k != i && m_b.tested[k] && breaks(certificate, i, k))
                return receiverId(i) + " and " + receiverId(k);
        }
    }
    return "";
}

// Checks the witness's client: the client that the test adds (WPROP1 on value) or removes.
void WitnessChecker::checkClient(const std::string& at, const Witness& w, std::size_t i,
                                 std::size_t k) {
    const std::string& certificate = w.certificate;
    // The receiver whose bundle the test removes the client from, and the value expected.
    std::size_t holder = certificate == "wef1_value" ? k : i;
    double expected = 0.0;
    std::string what;
    if (certificate == "wprop1_value") {
        expected = largestOutside(i);
        what = "the most valuable released client outside " + receiverId(i) + "'s bundle";
    } else if (certificate == "wef1_value") {
        expected = m_sums[k].maxValue;
        what = "the most valuable client of " + receiverId(k);
    } else {
        expected = m_sums[i].maxDifficulty;
        what = "the hardest client of " + receiverId(i);
    }
    auto client = m_book.clientIndex.find(w.client);
    bool found = client != m_book.clientIndex.end() && m_book.released[std::size_t(client->second)];
    bool placedRight = false;
    double actual = 0.0;
    if (found) {
        int j = client->second;
        const ClientScore& c = m_ev.clients[std::size_t(j)];
        actual = isValueTest(certificate) ? c.value : c.difficulty;
        bool inHolder = m_ownerPosition[std::size_t(j)] == int(holder);
        placedRight = certificate == "wprop1_value" ? !inHolder : inHolder;
    }
    if (placedRight && std::fabs(actual - expected) <= kSlack) return;
    const char* measure = isValueTest(certificate) ? "worth " : "with difficulty ";
    m_breaches.push_back(at + "/client \"" + w.client + "\" is not " + what + " (" + measure +
                         number(expected) + "); name the client that the " + certificate +
                         " test " + (certificate == "wprop1_value" ? "adds" : "removes"));
}

void WitnessChecker::checkWitness(std::size_t n, std::set<std::string>& seen) {
    const Witness& w = m_r.certificates.witnesses[n];
    const std::string at = "/certificates/witnesses/" + std::to_string(n);
    const std::vector<std::string>& names = certificateNames();
    if (std::find(names.begin(), names.end(), w.certificate) == names.end()) {
        m_breaches.push_back(at + "/certificate \"" + w.certificate +
                             "\" is not a certificate; use one of wprop1_value, "
                             "wprop1_difficulty, wef1_value, wef1_difficulty");
        return;
    }
    if (reportedPassing(w.certificate)) {
        m_breaches.push_back(at + " is a witness of " + w.certificate +
                             ", which the result reports as passing; remove the witness or "
                             "report the certificate as false");
        return;
    }
    if (!seen.insert(w.certificate).second) {
        m_breaches.push_back(at + " is a second witness of " + w.certificate +
                             "; a result has one witness per failed certificate, so remove one");
        return;
    }
    std::size_t expected = isWef1(w.certificate) ? 2 : 1;
    if (w.employees.size() != expected) {
        m_breaches.push_back(at + "/employees lists " + std::to_string(w.employees.size()) +
                             " employees; a " + w.certificate + " witness names " +
                             (expected == 1 ? "the one employee below its share"
                                            : "the envious and the envied employee, in order"));
        return;
    }
    std::vector<std::size_t> positions;
    for (std::size_t p = 0; p < w.employees.size(); ++p) {
        int i = position(w.employees[p]);
        if (i >= 0 && !m_b.tested[std::size_t(i)]) {
            m_breaches.push_back(at + "/employees/" + std::to_string(p) + " \"" + w.employees[p] +
                                 "\" takes no share of the released clients, so the fairness "
                                 "tests leave it out; name an employee with a share");
            return;
        }
        if (i < 0) {
            m_breaches.push_back(at + "/employees/" + std::to_string(p) + " \"" + w.employees[p] +
                                 "\" is not an employee who can receive clients; name one of "
                                 "the result's /employees");
            return;
        }
        positions.push_back(std::size_t(i));
    }
    std::size_t i = positions.front();
    std::size_t k = positions.back();
    if (!breaks(w.certificate, i, k)) {
        m_breaches.push_back(at + " is no violation of " + w.certificate + ": " +
                             whyNotBroken(w.certificate, i, k) +
                             "; name employees that fail the test");
        return;
    }
    checkClient(at, w, i, k);
}

void WitnessChecker::run() {
    computeSums();
    std::set<std::string> seen;
    for (std::size_t n = 0; n < m_r.certificates.witnesses.size(); ++n) checkWitness(n, seen);
    for (const std::string& certificate : certificateNames()) {
        if (reportedPassing(certificate) || seen.count(certificate)) continue;
        std::string found = firstViolation(certificate);
        std::string example = found.empty() ? "" : " (verify finds " + found + ")";
        m_breaches.push_back("certificate " + certificate +
                             " is reported false, but /certificates/witnesses has no witness "
                             "of it" +
                             example +
                             "; a failed certificate names the employees and the "
                             "client that fail its test");
    }
}

}  // namespace

void checkWitnesses(const Workspace& ws, const ReportedAllocation& reported,
                    const Evaluation& evaluation, const Book& book, const Bundles& bundles,
                    std::vector<std::string>& breaches) {
    WitnessChecker(ws, reported, evaluation, book, bundles, breaches).run();
}

}  // namespace baton::verify_detail
