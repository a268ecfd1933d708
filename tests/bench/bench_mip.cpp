// Compares allocate() with an exact mixed-integer program under the same constraints, solved
// by CBC (Debian coinor-cbc), on small generated workspaces.
//
// The program has a binary x(j, r) for every released client j and receiver r that may take
// it on its own (AllocationContext::staticReason is empty) and maximises
// sum (BIG + fit) x, BIG = (n + 1) x 10^6, so that placements come first as in the solver.
// Constraints: each client placed at most once, and per receiver its room in clients, its
// workload room and the value cap. The fair program adds WPROP1 for value and for
// difficulty as the certificates define them (src/core/certificates.h):
// - value: U_r + the largest value outside r's bundle >= T_r. With t the most valuable
//   released client and v0 >= v1 the two largest values, the outside maximum is
//   v0 - (v0 - v1) x(t, r), which is linear.
// - difficulty: D_r - the hardest client of r's bundle <= S_r. A binary y(j, r) <= x(j, r)
//   with sum_j y(j, r) <= 1 picks the client whose difficulty is taken off; the solver
//   picks the hardest, so the constraint is exact.
// Both allow the certificates' kTolerance. The fair program also keeps the number placed at
// the plain program's maximum, because placements come before fairness. It is reported
// infeasible where no such allocation meets both guarantees, which tells a solver failure
// from an impossible one. A program CBC does not finish within its time limit is reported
// with the best solution it found.
//
// Usage: bench_mip [SEEDS] [EMPLOYEES CLIENTS LEAVERS]   (default: 5 seeds, size class S)
// Needs `cbc` on the PATH; writes its files under /tmp.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/allocation_context.h"
#include "core/evaluation.h"
#include "core/generator.h"

using namespace baton;

namespace {

struct Pair {
    int pos;
    int receiver;
    std::int64_t fit;
    std::string name;
};

struct MipAnswer {
    bool solved = false;      // CBC proved an optimum
    bool stopped = false;     // CBC hit its time limit, so the figures are its best solution
    bool infeasible = false;  // CBC proved that no solution exists
    int placed = 0;
    std::int64_t fitMicro = 0;
};

std::string xName(int pos, int r) { return "x_" + std::to_string(pos) + "_" + std::to_string(r); }
std::string yName(int pos, int r) { return "y_" + std::to_string(pos) + "_" + std::to_string(r); }

std::vector<Pair> eligiblePairs(const AllocationContext& c) {
    std::vector<Pair> pairs;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        for (int r = 0; r < c.receiverCount(); ++r) {
            if (!c.staticReason(pos, r).empty()) continue;
            pairs.push_back({pos, r, c.fitOf(pos, r).micro, xName(pos, r)});
        }
    }
    return pairs;
}

// Writes a row "name: terms op rhs" of the CPLEX LP format; rows with no term are skipped.
void writeRow(std::ostream& out, const std::string& name, const std::string& terms,
              const char* op, double rhs) {
    if (terms.empty()) return;
    out << ' ' << name << ':' << terms << ' ' << op << ' ' << rhs << '\n';
}

void writeFairRows(std::ostream& out, const AllocationContext& c, const std::vector<Pair>& pairs) {
    int top = -1, second = -1;
    double sumD = 0.0, sumW = 0.0;
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        sumD += c.difficultyOf(pos);
        double v = c.valueOf(pos);
        if (top < 0 || v > c.valueOf(top)) {
            second = top;
            top = pos;
        } else if (second < 0 || v > c.valueOf(second)) {
            second = pos;
        }
    }
    for (double w : c.weights) sumW += w;
    double v0 = top >= 0 ? c.valueOf(top) : 0.0;
    double v1 = second >= 0 ? c.valueOf(second) : 0.0;
    for (int r = 0; r < c.receiverCount(); ++r) {
        std::ostringstream value, pick, hard;
        for (const Pair& p : pairs) {
            if (p.receiver != r) continue;
            double coef = c.valueOf(p.pos) - (p.pos == top ? v0 - v1 : 0.0);
            value << " + " << coef << ' ' << p.name;
            double d = c.difficultyOf(p.pos);
            pick << " + " << yName(p.pos, r);
            hard << " + " << d << ' ' << p.name << " - " << d << ' ' << yName(p.pos, r);
        }
        double share = sumW > 0.0 ? c.weights[std::size_t(r)] / sumW * sumD : 0.0;
        writeRow(out, "vp" + std::to_string(r), value.str(), ">=",
                 c.targets[std::size_t(r)] - v0 - kTolerance);
        // With no eligible client the bundle is empty and both guarantees hold for r,
        // unless the target exceeds v0: then the program is infeasible, as it should be.
        if (value.str().empty() && c.targets[std::size_t(r)] - v0 > kTolerance) {
            out << " vp" << r << "_empty: " << "zero >= 1\n";
        }
        writeRow(out, "dy" + std::to_string(r), pick.str(), "<=", 1.0);
        writeRow(out, "dp" + std::to_string(r), hard.str(), "<=", share + kTolerance);
    }
    for (const Pair& p : pairs) {
        out << " yx_" << p.pos << '_' << p.receiver << ": " << yName(p.pos, p.receiver) << " - "
            << p.name << " <= 0\n";
    }
}

// `placed` > 0 requires at least that many placements.
void writeProgram(const std::string& file, const AllocationContext& c,
                  const std::vector<Pair>& pairs, bool fair, int placed) {
    std::ofstream out(file);
    out.precision(17);
    std::int64_t big = std::int64_t(c.releasedCount() + 1) * kFitScale;
    out << "Maximize\n obj:";
    for (const Pair& p : pairs) out << " + " << (big + p.fit) << ' ' << p.name;
    out << "\nSubject To\n";
    std::vector<std::ostringstream> once(std::size_t(c.releasedCount()));
    std::vector<std::ostringstream> count(std::size_t(c.receiverCount()));
    std::vector<std::ostringstream> load(count.size()), value(count.size());
    for (const Pair& p : pairs) {
        once[std::size_t(p.pos)] << " + " << p.name;
        count[std::size_t(p.receiver)] << " + " << p.name;
        load[std::size_t(p.receiver)] << " + " << c.workloadOf(p.pos) << ' ' << p.name;
        value[std::size_t(p.receiver)] << " + " << c.valueOf(p.pos) << ' ' << p.name;
    }
    for (int pos = 0; pos < c.releasedCount(); ++pos) {
        writeRow(out, "one" + std::to_string(pos), once[std::size_t(pos)].str(), "<=", 1.0);
    }
    for (int r = 0; r < c.receiverCount(); ++r) {
        std::string k = std::to_string(r);
        writeRow(out, "cap" + k, count[std::size_t(r)].str(), "<=", c.room[std::size_t(r)]);
        const auto& room = c.workloadRoom[std::size_t(r)];
        if (room) writeRow(out, "wl" + k, load[std::size_t(r)].str(), "<=", *room + kTolerance);
        if (c.valueCap) writeRow(out, "vc" + k, value[std::size_t(r)].str(), "<=", *c.valueCap + kTolerance);
    }
    if (fair) writeFairRows(out, c, pairs);
    if (placed > 0) {
        std::ostringstream all;
        for (const Pair& p : pairs) all << " + " << p.name;
        writeRow(out, "placed", all.str(), ">=", placed);
    }
    out << " fix_zero: zero = 0\nBinary\n";
    for (const Pair& p : pairs) out << ' ' << p.name << (fair ? " " + yName(p.pos, p.receiver) : "") << '\n';
    out << "End\n";
}

// Runs CBC on the program and reads its solution file.
MipAnswer solve(const std::string& lp, const std::vector<Pair>& pairs) {
    std::string solution = lp + ".sol";
    std::remove(solution.c_str());
    std::string command = "cbc " + lp + " -ratioGap 0 -allowableGap 0.5 -sec 120 -solve -solu " +
                          solution + " > " + lp + ".log 2>&1";
    MipAnswer answer;
    if (std::system(command.c_str()) != 0) return answer;
    std::ifstream in(solution);
    std::string status;
    std::getline(in, status);
    answer.infeasible = status.find("Infeasible") != std::string::npos;
    answer.solved = status.rfind("Optimal", 0) == 0;
    answer.stopped = status.rfind("Stopped", 0) == 0;
    std::map<std::string, std::int64_t> fitOf;
    for (const Pair& p : pairs) fitOf[p.name] = p.fit;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream row(line);
        std::string index, name;
        double level = 0.0;
        row >> index >> name >> level;
        auto it = fitOf.find(name);
        if (it == fitOf.end() || level < 0.5) continue;
        answer.placed += 1;
        answer.fitMicro += it->second;
    }
    return answer;
}

struct Totals {
    int runs = 0;
    int fairInfeasible = 0;
    int stopped = 0;
    int withinOnePercent = 0;
    double worstGap = 0.0;
};

void runOne(const GenerateOptions& g, Totals& totals) {
    Workspace ws = generateWorkspace(g);
    Evaluation ev = evaluate(ws, ws.policy);
    AllocationResult result = allocate(ws, ws.policy, ev, {});
    AllocationContext c(ws, ws.policy, ev, ws.policy.seed);
    std::vector<Pair> pairs = eligiblePairs(c);

    std::string base = "/tmp/baton_mip_" + g.family + "_" + std::to_string(g.seed);
    writeProgram(base + "_plain.lp", c, pairs, false, 0);
    MipAnswer plain = solve(base + "_plain.lp", pairs);
    writeProgram(base + "_fair.lp", c, pairs, true, plain.placed);
    MipAnswer fair = solve(base + "_fair.lp", pairs);

    int placed = int(result.assignments.size());
    double fit = result.figures.totalFit;
    double mipFit = double(fair.fitMicro) / double(kFitScale);
    double gap = (fair.solved || fair.stopped) && mipFit > 0.0 ? (mipFit - fit) / mipFit : 0.0;
    bool certified = result.certificates.wprop1Value && result.certificates.wprop1Difficulty;
    std::printf("%-18s seed %2llu  released %4d  pairs %5zu | baton placed %4d fit %10.4f "
                "wprop1 %s | mip plain placed %4d fit %10.4f | mip fair ",
                g.family.c_str(), (unsigned long long)g.seed, c.releasedCount(), pairs.size(),
                placed, fit, certified ? "both" : "fail", plain.placed,
                double(plain.fitMicro) / double(kFitScale));

    totals.runs += 1;
    if (fair.infeasible) {
        totals.fairInfeasible += 1;
        std::printf("infeasible\n");
        return;
    }
    if (!fair.solved && !fair.stopped) {
        std::printf("not solved (see %s_fair.lp.log)\n", base.c_str());
        return;
    }
    if (fair.stopped) totals.stopped += 1;
    std::printf("placed %4d fit %10.4f  gap %.4f%%%s\n", fair.placed, mipFit, 100.0 * gap,
                fair.stopped ? " (time limit: best found)" : "");
    if (certified && placed == fair.placed && gap <= 0.01) totals.withinOnePercent += 1;
    if (certified && gap > totals.worstGap) totals.worstGap = gap;
}

}  // namespace

int main(int argc, char** argv) {
    int seeds = argc > 1 ? std::atoi(argv[1]) : 5;
    GenerateOptions g;
    g.employees = argc > 4 ? std::atoi(argv[2]) : 5;
    g.clients = argc > 4 ? std::atoi(argv[3]) : 200;
    g.leavers = argc > 4 ? std::atoi(argv[4]) : 1;
    Totals totals;
    for (const char* family : {"mixed", "clustered", "heavy_tailed", "tight", "sparse_eligibility", "skewed"}) {
        g.family = family;
        for (int s = 1; s <= seeds; ++s) {
            g.seed = std::uint64_t(s);
            runOne(g, totals);
        }
    }
    std::printf("runs %d  fair program infeasible %d  stopped at the time limit %d  baton certified "
                "and within 1%% of the MIP %d  worst gap %.4f%%\n",
                totals.runs, totals.fairInfeasible, totals.stopped, totals.withinOnePercent,
                100.0 * totals.worstGap);
    return 0;
}
