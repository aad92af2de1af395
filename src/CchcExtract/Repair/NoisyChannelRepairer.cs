using System.Collections.Concurrent;
using System.Text;
using CchcExtract.Text;

namespace CchcExtract.Repair;

/// <summary>A candidate for one token: output text (lower case, or the token itself when kept), its LM id and channel score.</summary>
public readonly record struct Candidate(string Text, int Id, float Channel, bool Keep);

/// <summary>What the repairer did with one token (for <c>cchc repair --explain</c>).</summary>
public sealed record TokenExplanation(string Original, string Chosen, double Confidence, IReadOnlyList<(string Text, double Posterior)> Candidates);

/// <summary>Tunable weights of the decoder.</summary>
public sealed record RepairOptions
{
    public int Beam { get; init; } = 8;
    public int MaxCandidates { get; init; } = 14;
    public float LmWeight { get; init; } = 1.0f;
    public float ChannelWeight { get; init; } = 1.0f;
    /// <summary>Channel score for keeping a token that is not a syllable (acronym, name, Latin word).</summary>
    public float KeepScore { get; init; } = -9f;
    /// <summary>Extra channel score for reading a short number as a syllable in OCR text.</summary>
    public float NumberAsWordScore { get; init; } = -1f;
    /// <summary>LM score given to a kept non-syllable token.</summary>
    public float UnkLm { get; init; } = -11f;
}

/// <summary>
/// Noisy-channel repairer: for each word of a line it proposes syllables (same accent-free key,
/// learned OCR confusions, character-channel neighbours), scores them by channel × syllable
/// trigram LM, and picks the best sequence with a beam-pruned Viterbi search. Layout, numbers,
/// codes and acronyms are kept; each word's case pattern is restored. Thread-safe.
/// </summary>
public sealed class NoisyChannelRepairer : ILineRepairer
{
    private readonly RepairModel _m;
    private readonly RepairOptions _o;
    private readonly ConcurrentDictionary<string, Candidate[]> _ocrCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Candidate[]> _stripCache = new(StringComparer.Ordinal);

    public NoisyChannelRepairer(RepairModel model, RepairOptions? options = null)
    {
        _m = model; _o = options ?? new RepairOptions();
    }

    public RepairModel Model => _m;

    /// <inheritdoc />
    public RepairedLine Repair(string line) => Repair(line, null);

    /// <summary>Repairs a line in a given mode (null: decide from the line itself).</summary>
    public RepairedLine Repair(string line, RepairMode? mode)
    {
        var r = Decode(line, mode, explain: false);
        return r.Line;
    }

    /// <summary>Repairs every line of a document, deciding the mode from the whole document first.</summary>
    public IReadOnlyList<RepairedLine> RepairDocument(IReadOnlyList<string> lines)
    {
        var doc = RepairDecision.DocumentMode(_m, lines);
        var result = new RepairedLine[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            result[i] = Decode(lines[i], RepairDecision.LineMode(_m, doc, lines[i]), false).Line;
        }
        return result;
    }

    /// <summary>Repairs a line and explains each word's choice.</summary>
    public (RepairedLine Line, IReadOnlyList<TokenExplanation> Tokens, RepairMode Mode) Explain(string line, RepairMode? mode = null)
    {
        var r = Decode(line, mode, explain: true);
        return (r.Line, r.Explanations!, r.Mode);
    }

    private sealed record Decoded(RepairedLine Line, List<TokenExplanation>? Explanations, RepairMode Mode);

    private Decoded Decode(string line, RepairMode? forced, bool explain)
    {
        var tokens = RepairTokenizer.Tokenize(line);
        var mode = forced ?? RepairDecision.Decide(RepairDecision.Measure(_m, tokens));
        if (mode == RepairMode.None)
            return new Decoded(new RepairedLine(line, 1.0, false), explain ? [] : null, mode);

        // Build the lattice: one slot per LM position (words, numbers, codes), segmented at boundaries.
        var outText = new string[tokens.Count];
        int wordsN = 0, capsN = 0;
        foreach (var t in tokens)
            if (t.Kind == TokenKind.Word) { wordsN++; if (RepairTokenizer.CasePattern(t.Text) == 2) capsN++; }
        bool capsLine = capsN >= 2 && capsN * 10 >= wordsN * 7; // a heading in capitals
        var slots = new List<(int Token, Candidate[] Cands)>();
        var segments = new List<(int Start, int End)>();
        int segStart = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            outText[i] = t.Text;
            switch (t.Kind)
            {
                case TokenKind.Gap:
                    if (t.Boundary && slots.Count > segStart) { segments.Add((segStart, slots.Count)); segStart = slots.Count; }
                    break;
                case TokenKind.Url:
                    if (slots.Count > segStart) { segments.Add((segStart, slots.Count)); segStart = slots.Count; }
                    break;
                case TokenKind.Number when mode == RepairMode.Ocr && t.Text.Length <= 2:
                    // English OCR reads some syllables as digits ("13 nhiệm vụ" for "là nhiệm vụ", "Chỉ 6" for "Chỉ số"):
                    // the channel proposes syllables at a penalty; the number itself stays the default.
                    slots.Add((i, [new Candidate(t.Text, SyllableLm.Num, 0, true),
                        .. CandidatesFor(t.Text, mode, false, out _).Where(c => !c.Keep)
                            .Select(c => c with { Channel = c.Channel + _o.NumberAsWordScore })]));
                    break;
                case TokenKind.Number:
                    slots.Add((i, [new Candidate(t.Text, SyllableLm.Num, 0, true)]));
                    break;
                case TokenKind.Code:
                    outText[i] = FixCode(t.Text);
                    slots.Add((i, [new Candidate(outText[i], SyllableLm.Num, 0, true)]));
                    break;
                case TokenKind.Word when t.Text.Length == 1 && IsListMarker(tokens, i):
                    slots.Add((i, [new Candidate(t.Text, SyllableLm.Unk, 0, true)]));
                    break;
                case TokenKind.Word:
                    slots.Add((i, CandidatesFor(t.Text, mode, capsLine, out var fixedText)));
                    if (fixedText is not null) outText[i] = fixedText;
                    break;
            }
        }
        if (slots.Count > segStart) segments.Add((segStart, slots.Count));

        var choice = new int[slots.Count];
        foreach (var (s, e) in segments) Viterbi(slots, s, e, choice);

        bool changed = false;
        double confSum = 0; int confN = 0;
        var explanations = explain ? new List<TokenExplanation>() : null;
        for (int k = 0; k < slots.Count; k++)
        {
            var (ti, cands) = slots[k];
            var c = cands[choice[k]];
            var orig = tokens[ti].Text;
            string text = c.Keep ? outText[ti] : RepairTokenizer.ApplyCase(c.Text, RepairTokenizer.CasePattern(orig));
            bool tokChanged = text != orig;
            if (tokChanged || explain)
            {
                var post = Posteriors(slots, choice, k, segments);
                if (tokChanged) { confSum += post[choice[k]]; confN++; }
                if (explanations is not null && (tokens[ti].Kind == TokenKind.Word || cands.Length > 1))
                    explanations.Add(new TokenExplanation(orig, text, post[choice[k]],
                        cands.Select((x, j) => (x.Keep ? outText[ti] : x.Text, post[j])).OrderByDescending(p => p.Item2).Take(6).ToList()));
            }
            outText[ti] = text;
            changed |= tokChanged;
        }
        for (int i = 0; i < tokens.Count; i++) if (outText[i] != tokens[i].Text) changed = true;
        var sb = new StringBuilder(line.Length + 8);
        foreach (var s in outText) sb.Append(s);
        return new Decoded(new RepairedLine(sb.ToString(), confN == 0 ? 1.0 : confSum / confN, changed), explanations, mode);
    }

    /// <summary>A single letter closed by ")" or "." as the first word of the line: "b)", "đ)", "a.".</summary>
    private static bool IsListMarker(List<RepairToken> tokens, int i)
    {
        if (i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Gap || !(tokens[i + 1].Text.StartsWith(')') || tokens[i + 1].Text.StartsWith('.'))) return false;
        for (int j = 0; j < i; j++) if (tokens[j].Kind != TokenKind.Gap) return false;
        return true;
    }

    private string FixCode(string code)
    {
        var sb = new StringBuilder(code.Length);
        foreach (var part in RepairTokenizer.CodeParts(code))
            sb.Append(part.Length > 1 && char.IsLetter(part[0]) && _m.CodeParts.TryGetValue(VietnameseText.Fold(part), out var fix)
                      && RepairTokenizer.IsAscii(part) && part.ToUpperInvariant() == part ? fix : part);
        return sb.ToString();
    }

    /// <summary>Candidates for a word; <paramref name="fixedText"/> is set for acronyms whose spelling is fixed (HDND → HĐND).</summary>
    private Candidate[] CandidatesFor(string word, RepairMode mode, bool capsLine, out string? fixedText)
    {
        fixedText = null;
        bool digits = RepairTokenizer.HasDigit(word);
        var key = RepairTokenizer.SyllableKey(word);
        bool valid = !digits && _m.IsValid(key);
        if (!digits && !valid && IsAcronym(word, capsLine))
        {
            // Acronym: keep, fixing a known code spelling (HDND → HĐND).
            if (RepairTokenizer.IsAscii(word) && _m.CodeParts.TryGetValue(VietnameseText.Fold(word), out var fix)) fixedText = fix;
            return [new Candidate(word, SyllableLm.Unk, 0, true)];
        }
        if (!digits && word.Length > 7) return [new Candidate(word, SyllableLm.Unk, 0, true)];
        var cache = mode == RepairMode.Ocr ? _ocrCache : _stripCache;
        if (cache.TryGetValue(key, out var cached)) return cached;
        var result = mode == RepairMode.Ocr ? OcrCandidates(key, valid) : StrippedCandidates(key, valid);
        if (cache.Count < 500_000) cache[key] = result;
        return result;
    }

    /// <summary>
    /// Acronyms are kept (UBND, PAR, SIPAS, PCI): all capitals and either known from the corpus
    /// (<see cref="RepairModel.CodeParts"/>), without a vowel (TTHC), or, outside OCR damage, not a syllable key.
    /// </summary>
    private bool IsAcronym(string word, bool capsLine)
    {
        if (word.Length < 2) return false;
        foreach (var c in word) if (!char.IsUpper(c)) return false;
        var fold = VietnameseText.Fold(word);
        if (_m.CodeParts.ContainsKey(fold)) return true;
        if (!fold.Any(c => "aeiouy".Contains(c))) return true;
        return !capsLine && !_m.ByFold.ContainsKey(fold);
    }

    private Candidate[] StrippedCandidates(string key, bool valid)
    {
        var fold = VietnameseText.Fold(key);
        if (!_m.ByFold.TryGetValue(fold, out var ids))
            return [new Candidate(key, valid ? _m.IdOf(key) : SyllableLm.Unk, 0, true)];
        bool plain = RepairTokenizer.IsAscii(key);
        var list = new List<Candidate>(ids.Length);
        foreach (var id in ids.Take(_o.MaxCandidates * 2))
        {
            // A word that already carries diacritics keeps them unless the LM strongly disagrees.
            float ch = plain || _m.Words[id] == key ? 0f : -4f;
            list.Add(new Candidate(_m.Words[id], id, ch, false));
        }
        return list.ToArray();
    }

    private Candidate[] OcrCandidates(string key, bool valid)
    {
        var scores = new Dictionary<int, float>();
        void Offer(int id, float ch)
        {
            if (!scores.TryGetValue(id, out var old) || ch > old) scores[id] = ch;
        }
        float tableMass = 0;
        if (_m.Confusions.TryGetValue(key, out var conf))
            foreach (var c in conf) { Offer(c.Target, c.LogP); tableMass += MathF.Exp(c.LogP); }
        var fold = VietnameseText.Fold(key);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (_m.ByFold.ContainsKey(fold)) keys.Add(fold);
        // Neighbours by accent-free edit distance, always: real scans confuse even valid-looking syllables (phép for pháp).
        {
            var mapped = MapOcrChars(fold);
            foreach (var q in new[] { fold, mapped }.Distinct())
                foreach (var d in RepairModel.Deletes(q))
                    if (_m.NearKeys.TryGetValue(d, out var near))
                        foreach (var k in near) keys.Add(k);
        }
        foreach (var k in keys)
            foreach (var id in _m.ByFold[k])
                Offer(id, -_m.Chars.Cost(_m.Words[id], key));
        var list = scores.Select(p => new Candidate(_m.Words[p.Key], p.Key, p.Value * _o.ChannelWeight, false))
            .OrderByDescending(c => c.Channel + 0.5f * _m.Lm.Unigram(c.Id))
            .Take(_o.MaxCandidates).ToList();
        if (!valid) list.Add(new Candidate(key, SyllableLm.Unk, _o.KeepScore, true));
        return list.ToArray();
    }

    /// <summary>Maps characters English OCR puts for Vietnamese letters (digits, symbols) to their usual letter.</summary>
    private static string MapOcrChars(string fold)
    {
        var sb = new StringBuilder(fold.Length);
        foreach (var c in fold) sb.Append(CharChannel.LookAlike(c) is { } la ? la[0] : c);
        return sb.ToString();
    }

    private float Lm(int a, int b, int w)
    {
        if (w == SyllableLm.Unk) return _o.UnkLm;
        return _o.LmWeight * (b == SyllableLm.Bos ? _m.Lm.Score(SyllableLm.Bos, w) : _m.Lm.Score(a, b, w));
    }

    private struct Hyp
    {
        public int P2, P1, Back, Cand;
        public float Score;
    }

    /// <summary>Beam-pruned Viterbi over slots [start, end); writes chosen candidate indexes.</summary>
    private void Viterbi(List<(int Token, Candidate[] Cands)> slots, int start, int end, int[] choice)
    {
        int n = end - start;
        var layers = new List<Hyp>[n + 1];
        layers[0] = [new Hyp { P2 = SyllableLm.Bos, P1 = SyllableLm.Bos, Back = -1, Cand = -1, Score = 0 }];
        var best = new Dictionary<long, int>();
        for (int k = 0; k < n; k++)
        {
            var cands = slots[start + k].Cands;
            var next = new List<Hyp>(layers[k].Count * cands.Length);
            best.Clear();
            var prev = layers[k];
            for (int h = 0; h < prev.Count; h++)
            {
                var hp = prev[h];
                for (int c = 0; c < cands.Length; c++)
                {
                    var cd = cands[c];
                    float s = hp.Score + cd.Channel + Lm(hp.P2, hp.P1, cd.Id);
                    long rk = ((long)hp.P1 << 32) | (uint)(cd.Id == SyllableLm.Unk ? 0x7FFFFFFF - c : cd.Id);
                    if (best.TryGetValue(rk, out var idx))
                    {
                        if (next[idx].Score >= s) continue;
                        next[idx] = new Hyp { P2 = hp.P1, P1 = cd.Id, Back = h, Cand = c, Score = s };
                    }
                    else
                    {
                        best[rk] = next.Count;
                        next.Add(new Hyp { P2 = hp.P1, P1 = cd.Id, Back = h, Cand = c, Score = s });
                    }
                }
            }
            if (next.Count > _o.Beam)
            {
                next.Sort((x, y) => y.Score.CompareTo(x.Score));
                next.RemoveRange(_o.Beam, next.Count - _o.Beam);
            }
            layers[k + 1] = next;
        }
        // Close with </s>.
        var last = layers[n];
        int bi = 0; float bs = float.NegativeInfinity;
        for (int h = 0; h < last.Count; h++)
        {
            float s = last[h].Score + Lm(last[h].P2, last[h].P1, SyllableLm.Eos);
            if (s > bs) { bs = s; bi = h; }
        }
        for (int k = n; k >= 1; k--)
        {
            var hp = layers[k][bi];
            choice[start + k - 1] = hp.Cand;
            bi = hp.Back;
        }
    }

    /// <summary>Local posterior over slot k's candidates with the chosen neighbours fixed.</summary>
    private double[] Posteriors(List<(int Token, Candidate[] Cands)> slots, int[] choice, int k, List<(int Start, int End)> segments)
    {
        var (s, e) = segments.First(x => k >= x.Start && k < x.End);
        int Id(int j) => j < s ? SyllableLm.Bos : slots[j].Cands[choice[j]].Id;
        int p2 = k - 2 >= s ? Id(k - 2) : SyllableLm.Bos, p1 = k - 1 >= s ? Id(k - 1) : SyllableLm.Bos;
        var cands = slots[k].Cands;
        var sc = new double[cands.Length];
        double max = double.NegativeInfinity;
        for (int c = 0; c < cands.Length; c++)
        {
            int w = cands[c].Id;
            double v = cands[c].Channel + Lm(p2, p1, w);
            if (k + 1 < e) v += Lm(p1, w, Id(k + 1));
            else v += Lm(p1, w, SyllableLm.Eos);
            if (k + 2 < e) v += Lm(w, Id(k + 1), Id(k + 2));
            sc[c] = v; if (v > max) max = v;
        }
        double z = 0;
        for (int c = 0; c < sc.Length; c++) { sc[c] = Math.Exp(sc[c] - max); z += sc[c]; }
        for (int c = 0; c < sc.Length; c++) sc[c] /= z;
        return sc;
    }
}
