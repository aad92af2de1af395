using CchcExtract.Text;

namespace CchcExtract.Repair;

/// <summary>Inputs of <see cref="RepairTrainer.Train"/>.</summary>
/// <param name="CorpusFiles">Clean Vietnamese text files (law corpus, clean plans) for the LM and inventory.</param>
/// <param name="GenreFiles">Clean plans (seeds 000, 001 and our own corpus/samples, corpus/heldout), weighted up in the LM (same genre as the documents to repair).</param>
/// <param name="PairDirs">Folders of <c>*.src.txt</c>/<c>*.ocr.txt</c> pairs made by <c>scripts/repair/render_ocr.py</c>.</param>
/// <param name="HunspellDic">Path of <c>vi_VN.dic</c>, or null.</param>
/// <param name="GenreWeight">How many times each genre file counts in the LM.</param>
/// <param name="MinTrigramCount">Trigrams seen fewer times are dropped.</param>
public sealed record RepairTrainingInput(IReadOnlyList<string> CorpusFiles, IReadOnlyList<string> GenreFiles,
    IReadOnlyList<string> PairDirs, string? HunspellDic, int GenreWeight = 5, int MinTrigramCount = 2);

/// <summary>Builds a <see cref="RepairModel"/> from clean text and rendered/OCR'd pairs.</summary>
public static class RepairTrainer
{
    public static RepairModel Train(RepairTrainingInput input, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        var docs = input.CorpusFiles.Select(f => (File: f, Weight: 1))
            .Concat(input.GenreFiles.Select(f => (File: f, Weight: input.GenreWeight))).ToList();
        // 1. Syllable counts.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var codeSurface = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var tokenized = new List<(List<RepairToken> Tokens, int Weight)>();
        foreach (var (file, weight) in docs)
            foreach (var raw in File.ReadLines(file))
            {
                var line = Markup.Strip(VietnameseText.Normalize(raw));
                if (line.Length == 0) continue;
                var toks = RepairTokenizer.Tokenize(line);
                tokenized.Add((toks, weight));
                foreach (var t in toks)
                {
                    if (t.Kind == TokenKind.Word && !RepairTokenizer.HasDigit(t.Text))
                    {
                        var k = RepairTokenizer.SyllableKey(t.Text);
                        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, k, out _) += weight;
                        if (RepairTokenizer.CasePattern(t.Text) == 2) CountCode(codeSurface, t.Text);
                    }
                    else if (t.Kind == TokenKind.Code)
                        foreach (var p in RepairTokenizer.CodeParts(t.Text))
                            if (p.Length > 1 && char.IsLetter(p[0])) CountCode(codeSurface, p);
                }
            }
        log.WriteLine($"corpus: {tokenized.Count} lines, {counts.Count} distinct word keys");

        // 2. Inventory: hunspell syllables plus corpus words whose accent-free key is a hunspell key.
        var hun = new HashSet<string>(StringComparer.Ordinal);
        if (input.HunspellDic is not null && File.Exists(input.HunspellDic))
            foreach (var l in File.ReadLines(input.HunspellDic).Skip(1))
            {
                var w = l.Split('/')[0].Trim();
                if (w.Length == 0 || !w.All(char.IsLetter) || w.Any(char.IsUpper)) continue;
                hun.Add(RepairTokenizer.SyllableKey(w));
            }
        var hunFold = hun.Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);
        var inventory = new HashSet<string>(hun, StringComparer.Ordinal);
        foreach (var (k, c) in counts)
            if (c >= 3 && k.Length <= 7 && k.All(char.IsLetter) && hunFold.Contains(VietnameseText.Fold(k))) inventory.Add(k);
        log.WriteLine($"inventory: {inventory.Count} syllables ({hun.Count} from hunspell)");

        // 3. Vocabulary: specials, then syllables by frequency.
        var words = new List<string> { "<unk>", "<s>", "</s>", "<num>" };
        words.AddRange(inventory.OrderByDescending(k => counts.GetValueOrDefault(k)).ThenBy(k => k, StringComparer.Ordinal));
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < words.Count; i++) ids[words[i]] = i;
        var isSyl = words.Select((w, i) => i >= 4).ToArray();

        // 4. Language model.
        var lmb = new SyllableLmBuilder(words.Count);
        var sent = new List<int>();
        foreach (var (toks, weight) in tokenized)
        {
            sent.Clear();
            foreach (var t in toks)
            {
                switch (t.Kind)
                {
                    case TokenKind.Gap when t.Boundary:
                    case TokenKind.Url:
                        lmb.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sent), weight); sent.Clear(); break;
                    case TokenKind.Number: case TokenKind.Code: sent.Add(SyllableLm.Num); break;
                    case TokenKind.Word:
                        sent.Add(RepairTokenizer.HasDigit(t.Text) ? SyllableLm.Unk : ids.GetValueOrDefault(RepairTokenizer.SyllableKey(t.Text), SyllableLm.Unk));
                        break;
                }
            }
            lmb.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sent), weight);
        }
        var lm = lmb.Build(input.MinTrigramCount);
        var capital = CapitalShares(tokenized, ids, words.Count);
        log.WriteLine($"lm: {lm.VocabularySize} words, {lm.BigramCount} bigrams, {lm.TrigramCount} trigrams");

        // 5. Code parts whose proper spelling has letters an ASCII OCR cannot produce (QĐ, HĐND).
        var codeParts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (fold, surf) in codeSurface)
        {
            var best = surf.MaxBy(p => p.Value);
            if (best.Value >= 2 && !inventory.Contains(best.Key.ToLowerInvariant()) && best.Key.All(c => c is (>= 'A' and <= 'Z') or 'Đ' or (>= '0' and <= '9')))
                codeParts[fold] = best.Key;
        }
        log.WriteLine($"code parts and acronyms: {codeParts.Count} (with Đ: {string.Join(", ", codeParts.Values.Where(v => !RepairTokenizer.IsAscii(v)).Take(12))})");

        // 6. OCR channel from aligned pairs.
        var (confusions, chars, aligned) = LearnChannel(input.PairDirs, ids, isSyl);
        log.WriteLine($"channel: {aligned} aligned syllables, {confusions.Count} OCR token types, {chars.EntryCount} char edits");
        return new RepairModel(words.ToArray(), isSyl, lm, confusions, chars, codeParts, capital);
    }

    /// <summary>
    /// For each word id, log of the (smoothed) share of its occurrences inside a sentence — not first in
    /// the line nor after a full stop — written with an initial capital: high for name syllables
    /// (<c>Định</c> in <c>Tân Định</c>), very low for common words (<c>định</c> in <c>quy định</c>).
    /// </summary>
    private static float[] CapitalShares(List<(List<RepairToken> Tokens, int Weight)> tokenized, Dictionary<string, int> ids, int n)
    {
        var cap = new double[n];
        var all = new double[n];
        foreach (var (toks, weight) in tokenized)
        {
            bool sentenceStart = true;
            foreach (var t in toks)
            {
                if (t.Kind == TokenKind.Gap)
                {
                    if (NoisyChannelRepairer.SentenceBreak(t.Text)) sentenceStart = true;
                    continue;
                }
                if (t.Kind == TokenKind.Word && !sentenceStart && !RepairTokenizer.HasDigit(t.Text)
                    && ids.TryGetValue(RepairTokenizer.SyllableKey(t.Text), out var id))
                {
                    int pattern = RepairTokenizer.CasePattern(t.Text);
                    if (pattern != 2)
                    {
                        all[id] += weight;
                        if (pattern == 1) cap[id] += weight;
                    }
                }
                sentenceStart = false;
            }
        }
        var result = new float[n];
        for (int i = 0; i < n; i++) result[i] = (float)Math.Log((cap[i] + 0.1) / (all[i] + 1.0));
        return result;
    }

    private static void CountCode(Dictionary<string, Dictionary<string, int>> d, string surface)
    {
        var f = VietnameseText.Fold(surface);
        if (!d.TryGetValue(f, out var m)) d[f] = m = new Dictionary<string, int>(StringComparer.Ordinal);
        m[surface] = m.GetValueOrDefault(surface) + 1;
    }

    /// <summary>All (source syllable key, OCR token key) pairs aligned in the pair folders.</summary>
    public static IEnumerable<(string Src, string Ocr)> AlignedPairs(IEnumerable<string> pairDirs)
    {
        foreach (var dir in pairDirs)
            foreach (var src in Directory.GetFiles(dir, "*.src.txt").OrderBy(f => f, StringComparer.Ordinal))
            {
                var ocrPath = src[..^".src.txt".Length] + ".ocr.txt";
                if (!File.Exists(ocrPath)) continue;
                var a = TokenAligner.Words(VietnameseText.Normalize(File.ReadAllText(src)));
                var b = TokenAligner.Words(VietnameseText.Normalize(File.ReadAllText(ocrPath)));
                foreach (var (i, j) in TokenAligner.Align(a, b))
                {
                    if (i < 0 || j < 0) continue;
                    yield return (RepairTokenizer.SyllableKey(a[i]), RepairTokenizer.SyllableKey(b[j]));
                }
            }
    }

    private static (Dictionary<string, Confusion[]>, CharChannel, int) LearnChannel(IReadOnlyList<string> pairDirs, Dictionary<string, int> ids, bool[] isSyl)
    {
        var pair = new Dictionary<(string, string), int>();
        var srcCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var sub = new Dictionary<(char, char), int>();
        var del = new Dictionary<char, int>();
        var ins = new Dictionary<char, int>();
        var charCount = new Dictionary<char, int>();
        long totalChars = 0;
        int aligned = 0;
        foreach (var (s, o) in AlignedPairs(pairDirs))
        {
            if (!ids.TryGetValue(s, out var sid) || !isSyl[sid]) continue;
            var fs = VietnameseText.Fold(s); var fo = VietnameseText.Fold(o);
            if ((double)TokenAligner.Distance(fs, fo) / Math.Max(fs.Length, fo.Length) > 0.67) continue; // misaligned
            aligned++;
            pair[(o, s)] = pair.GetValueOrDefault((o, s)) + 1;
            srcCount[s] = srcCount.GetValueOrDefault(s) + 1;
            CountChars(s, o, sub, del, ins, charCount);
            totalChars += s.Length;
        }
        var conf = new Dictionary<string, List<Confusion>>(StringComparer.Ordinal);
        foreach (var ((o, s), c) in pair)
        {
            if (c < 1) continue;
            if (!conf.TryGetValue(o, out var l)) conf[o] = l = [];
            // Add-half smoothing on the source count keeps one-off pairs from claiming certainty.
            l.Add(new Confusion(ids[s], (float)Math.Log(c / (srcCount[s] + 0.5))));
        }
        var subCost = new Dictionary<(char, char), float>();
        foreach (var ((s, o), c) in sub) subCost[(s, o)] = (float)-Math.Log((c + 0.1) / (charCount[s] + 1.0));
        var delCost = new Dictionary<char, float>();
        foreach (var (s, c) in del) delCost[s] = (float)-Math.Log((c + 0.1) / (charCount[s] + 1.0));
        var insCost = new Dictionary<char, float>();
        foreach (var (o, c) in ins) insCost[o] = (float)-Math.Log((c + 0.1) / (totalChars + 1.0));
        return (conf.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(x => x.LogP).ToArray(), StringComparer.Ordinal),
            new CharChannel(subCost, delCost, insCost), aligned);
    }

    /// <summary>Character alignment of a source syllable with its OCR reading; counts edits.</summary>
    private static void CountChars(string s, string o, Dictionary<(char, char), int> sub, Dictionary<char, int> del,
        Dictionary<char, int> ins, Dictionary<char, int> charCount)
    {
        int n = s.Length, m = o.Length;
        var d = new float[n + 1, m + 1];
        for (int i = 0; i <= n; i++) d[i, 0] = i;
        for (int j = 0; j <= m; j++) d[0, j] = j;
        float Sub(char a, char b) => a == b ? 0 : VietnameseText.Fold(a.ToString()) == VietnameseText.Fold(b.ToString()) ? 0.4f : 1f;
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= m; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + Sub(s[i - 1], o[j - 1]));
        int x = n, y = m;
        while (x > 0 || y > 0)
        {
            if (x > 0 && y > 0 && Math.Abs(d[x, y] - (d[x - 1, y - 1] + Sub(s[x - 1], o[y - 1]))) < 1e-4)
            {
                sub[(s[x - 1], o[y - 1])] = sub.GetValueOrDefault((s[x - 1], o[y - 1])) + 1;
                charCount[s[x - 1]] = charCount.GetValueOrDefault(s[x - 1]) + 1;
                x--; y--;
            }
            else if (x > 0 && Math.Abs(d[x, y] - (d[x - 1, y] + 1)) < 1e-4)
            {
                del[s[x - 1]] = del.GetValueOrDefault(s[x - 1]) + 1;
                charCount[s[x - 1]] = charCount.GetValueOrDefault(s[x - 1]) + 1;
                x--;
            }
            else { ins[o[y - 1]] = ins.GetValueOrDefault(o[y - 1]) + 1; y--; }
        }
    }
}
