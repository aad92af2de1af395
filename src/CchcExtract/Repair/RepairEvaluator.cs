using System.Diagnostics;
using System.Globalization;
using System.Text;
using CchcExtract.Text;

namespace CchcExtract.Repair;

/// <summary>Syllables right out of syllables in the gold text.</summary>
public readonly record struct Accuracy(long Correct, long Total)
{
    public double Value => Total == 0 ? 0 : (double)Correct / Total;
    public static Accuracy operator +(Accuracy a, Accuracy b) => new(a.Correct + b.Correct, a.Total + b.Total);
    public override string ToString() => $"{Value:P2} ({Correct}/{Total})";
}

/// <summary>
/// Syllable accuracy of repaired text against gold text: both split into words, compared with
/// tone placement and case normalised (<see cref="VietnameseText.Key"/>), aligned by edit distance so
/// that merged or split tokens cost only what they damage.
/// </summary>
public static class RepairEvaluator
{
    /// <summary>Accuracy of <paramref name="hyp"/> against <paramref name="gold"/> (any length of text).</summary>
    public static Accuracy Score(string gold, string hyp)
    {
        var g = TokenAligner.Words(gold).Select(VietnameseText.Key).ToList();
        var h = TokenAligner.Words(hyp).Select(VietnameseText.Key).ToList();
        long ok = 0;
        foreach (var (i, j) in TokenAligner.Align(g, h, exact: true))
            if (i >= 0 && j >= 0 && g[i] == h[j]) ok++;
        return new Accuracy(ok, g.Count);
    }

    /// <summary>Removes every diacritic but keeps case: <c>Kế hoạch Đại Sơn</c> → <c>Ke hoach Dai Son</c>.</summary>
    public static string StripDiacritics(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Clean plan lines (markup stripped, normalised, non-empty) of a file.</summary>
    public static List<string> CleanLines(string file) =>
        File.ReadLines(file).Select(l => Markup.Strip(VietnameseText.Normalize(l))).Where(l => l.Length > 0).ToList();

    /// <summary>Strips the diacritics of clean files, repairs them and scores against the originals.</summary>
    public static Accuracy Stripped(NoisyChannelRepairer r, IEnumerable<string> files, TextWriter? errors = null)
    {
        var acc = new Accuracy();
        foreach (var f in files)
        {
            var gold = CleanLines(f);
            var hyp = r.RepairDocument(gold.Select(StripDiacritics).ToList());
            for (int i = 0; i < gold.Count; i++)
            {
                var a = Score(gold[i], hyp[i].Text);
                acc += a;
                if (errors is not null && a.Correct < a.Total)
                    errors.WriteLine($"{Path.GetFileName(f)}:{i + 1}\n  gold: {gold[i]}\n  got:  {hyp[i].Text}");
            }
        }
        return acc;
    }

    /// <summary>Repairs clean files and counts syllables left unchanged.</summary>
    public static Accuracy Clean(NoisyChannelRepairer r, IEnumerable<string> files)
    {
        var acc = new Accuracy();
        foreach (var f in files)
        {
            var gold = CleanLines(f);
            var hyp = r.RepairDocument(gold);
            for (int i = 0; i < gold.Count; i++) acc += Score(gold[i], hyp[i].Text);
        }
        return acc;
    }

    /// <summary>Like <see cref="Clean"/>, but each line repaired on its own through <see cref="ILineRepairer.Repair"/> (no document context).</summary>
    public static Accuracy CleanPerLine(ILineRepairer r, IEnumerable<string> files)
    {
        var acc = new Accuracy();
        foreach (var f in files)
            foreach (var line in CleanLines(f)) acc += Score(line, r.Repair(line).Text);
        return acc;
    }

    /// <summary>Repairs the OCR side of rendered pairs (<c>*.ocr.txt</c>) and scores against <c>*.src.txt</c>; also returns the raw score.</summary>
    public static (Accuracy Raw, Accuracy Repaired) Ocr(NoisyChannelRepairer r, string dir)
    {
        Accuracy raw = new(), fixedAcc = new();
        foreach (var src in Directory.GetFiles(dir, "*.src.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var ocr = File.ReadAllLines(src[..^".src.txt".Length] + ".ocr.txt");
            var gold = VietnameseText.Normalize(File.ReadAllText(src));
            var hyp = string.Join("\n", r.RepairDocument(ocr).Select(x => x.Text));
            raw += Score(gold, string.Join("\n", ocr));
            fixedAcc += Score(gold, hyp);
        }
        return (raw, fixedAcc);
    }

    /// <summary>
    /// Scores against a gold file of <c>LINE-NUMBER&lt;TAB&gt;corrected text</c> lines (1-based numbers
    /// into <paramref name="rawFile"/>); the whole raw file is repaired as one document.
    /// </summary>
    public static (Accuracy Raw, Accuracy Repaired, int Lines) Gold(NoisyChannelRepairer r, string goldFile, string rawFile, bool eachLineAlone = false)
    {
        var raw = File.ReadAllLines(rawFile);
        var fixedLines = eachLineAlone ? raw.Select(r.Repair).ToList() : r.RepairDocument(raw);
        Accuracy a0 = new(), a1 = new();
        int n = 0;
        foreach (var l in File.ReadLines(goldFile))
        {
            if (l.StartsWith('#') || !l.Contains('\t')) continue;
            var parts = l.Split('\t', 2);
            int no = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var gold = VietnameseText.Normalize(parts[1]);
            a0 += Score(gold, raw[no - 1]);
            a1 += Score(gold, fixedLines[no - 1].Text);
            n++;
        }
        return (a0, a1, n);
    }

    /// <summary>
    /// Repairs the lines repeatedly on this thread for at least <paramref name="seconds"/>; returns
    /// syllables per wall-clock second and per CPU second of the process (the latter is robust to other
    /// load on a shared machine; it includes GC threads, so it is conservative).
    /// </summary>
    public static (double WallRate, double CpuRate) Benchmark(NoisyChannelRepairer r, IReadOnlyList<string> lines, RepairMode mode, double seconds = 3)
    {
        long syllables = lines.Sum(l => (long)TokenAligner.Words(l).Count);
        foreach (var l in lines) r.Repair(l, mode); // warm-up (JIT, candidate caches)
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long done = 0;
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            foreach (var l in lines) r.Repair(l, mode);
            done += syllables;
        }
        var wall = sw.Elapsed.TotalSeconds;
        proc.Refresh();
        var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        return (done / wall, done / cpu);
    }
}
