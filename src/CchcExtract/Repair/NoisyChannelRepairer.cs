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
    /// <summary>Factor on the channel weight for OCR tokens that are not syllables.</summary>
    public float InvalidChannelFactor { get; init; } = 1f;
    /// <summary>OCR candidates whose channel score is this far below the best one are dropped (speed).</summary>
    public float ChannelMargin { get; init; } = 12f;
    /// <summary>Channel score added to a merge of two OCR tokens into one syllable.</summary>
    public float MergeScore { get; init; } = -5f;
    /// <summary>Merges are proposed only when the joined token's channel score exceeds this.</summary>
    public float MergeMinChannel { get; init; } = -10f;
    /// <summary>Extra channel score for reading a short number as a syllable in OCR text.</summary>
    public float NumberAsWordScore { get; init; } = -1f;
    /// <summary>LM score given to a kept non-syllable token.</summary>
    public float UnkLm { get; init; } = -11f;
    /// <summary>
    /// Stripped text: weight of <see cref="RepairModel.CapitalShare"/> for a word capitalised inside a
    /// sentence (a name: prefer syllables seen capitalised, <c>Tan Dinh</c> → <c>Tân Định</c>).
    /// </summary>
    public float CapitalWeight { get; init; } = 1f;
    /// <summary>Stripped text: weight of log(1 − capital share) for a lower-case word inside a sentence.</summary>
    public float LowerWeight { get; init; } = 1f;
    /// <summary>
    /// After an unknown word (acronym, name) the LM looks back one word only: a trigram context
    /// "syllable + unknown" is too sparse to judge the syllable by (<c>Phòng VHXH</c>).
    /// </summary>
    public bool UnkBigram { get; init; } = true;
    /// <summary>Stripped documents: channel bonus for a heading word's reading that the document gave the same word as a name.</summary>
    public float DocumentNameBonus { get; init; } = 6f;
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
        var modes = new RepairMode[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            modes[i] = RepairDecision.LineMode(_m, doc, lines[i]);
            result[i] = Decode(lines[i], modes[i], false).Line;
        }
        if (doc == RepairMode.Stripped && _o.DocumentNameBonus > 0)
        {
            // Headings in capitals carry no case evidence: their names ("PHUONG TAN DINH") take the
            // reading the same document gave them where they were written as names ("phường Tân Định").
            var names = DocumentNames(lines, modes, result);
            if (names.Count > 0)
                for (int i = 0; i < lines.Count; i++)
                    if (modes[i] == RepairMode.Stripped && IsCapsLine(RepairTokenizer.Tokenize(lines[i])))
                        result[i] = Decode(lines[i], modes[i], false, names).Line;
        }
        return result;
    }

    /// <summary>Accent-free key → the reading most often chosen for it as a capitalised word inside a sentence of the document.</summary>
    private static Dictionary<string, string> DocumentNames(IReadOnlyList<string> lines, RepairMode[] modes, RepairedLine[] repaired)
    {
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            if (modes[i] != RepairMode.Stripped) continue;
            var a = RepairTokenizer.Tokenize(lines[i]);
            var b = RepairTokenizer.Tokenize(repaired[i].Text);
            if (a.Count != b.Count || IsCapsLine(a)) continue;
            bool start = true;
            for (int k = 0; k < a.Count; k++)
            {
                bool atStart = start;
                if (a[k].Kind == TokenKind.Gap) { if (SentenceBreak(a[k].Text)) start = true; continue; }
                start = false;
                if (a[k].Kind != TokenKind.Word || b[k].Kind != TokenKind.Word || atStart || RepairTokenizer.CasePattern(a[k].Text) != 1) continue;
                var fold = VietnameseText.Fold(RepairTokenizer.SyllableKey(a[k].Text));
                var chosen = RepairTokenizer.SyllableKey(b[k].Text);
                if (!votes.TryGetValue(fold, out var v)) votes[fold] = v = new Dictionary<string, int>(StringComparer.Ordinal);
                v[chosen] = v.GetValueOrDefault(chosen) + 1;
            }
        }
        return votes.ToDictionary(p => p.Key, p => p.Value.MaxBy(x => x.Value).Key, StringComparer.Ordinal);
    }

    private static bool IsCapsLine(List<RepairToken> tokens)
    {
        int wordsN = 0, capsN = 0;
        foreach (var t in tokens)
            if (t.Kind == TokenKind.Word) { wordsN++; if (RepairTokenizer.CasePattern(t.Text) == 2) capsN++; }
        return capsN >= 2 && capsN * 10 >= wordsN * 7;
    }

    /// <summary>Repairs a line and explains each word's choice.</summary>
    public (RepairedLine Line, IReadOnlyList<TokenExplanation> Tokens, RepairMode Mode) Explain(string line, RepairMode? mode = null)
    {
        var r = Decode(line, mode, explain: true);
        return (r.Line, r.Explanations!, r.Mode);
    }

    private sealed record Decoded(RepairedLine Line, List<TokenExplanation>? Explanations, RepairMode Mode);

    private Decoded Decode(string line, RepairMode? forced, bool explain, Dictionary<string, string>? documentNames = null)
    {
        var tokens = RepairTokenizer.Tokenize(line);
        var mode = forced ?? RepairDecision.Decide(RepairDecision.Measure(_m, tokens));
        if (mode == RepairMode.None)
            return new Decoded(new RepairedLine(line, 1.0, false), explain ? [] : null, mode);

        // Build the lattice: one slot per LM position (words, numbers, codes), segmented at boundaries.
        var outText = new string[tokens.Count];
        bool capsLine = IsCapsLine(tokens); // a heading in capitals
        var slots = new List<(int Token, Candidate[] Cands)>();
        var segments = new List<(int Start, int End)>();
        int segStart = 0;
        bool sentenceStart = true;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            outText[i] = t.Text;
            bool atStart = sentenceStart;
            if (t.Kind == TokenKind.Gap) { if (SentenceBreak(t.Text)) sentenceStart = true; }
            else sentenceStart = false;
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
                case TokenKind.Word when mode == RepairMode.Stripped && t.Text.Length == 1 && !"aeiouyAEIOUYdD".Contains(t.Text[0]):
                    // A lone consonant letter ("b/c", "x") is an abbreviation, never a syllable to restore.
                    slots.Add((i, [new Candidate(t.Text, SyllableLm.Unk, 0, true)]));
                    break;
                case TokenKind.Word:
                    var cands = CandidatesFor(t.Text, mode, capsLine, out var fixedText);
                    if (mode == RepairMode.Stripped && !atStart && !capsLine)
                        cands = WithCaseEvidence(cands, RepairTokenizer.CasePattern(t.Text));
                    if (documentNames is not null && capsLine && documentNames.TryGetValue(VietnameseText.Fold(RepairTokenizer.SyllableKey(t.Text)), out var docName))
                        cands = cands.Select(c => c.Text == docName ? c with { Channel = c.Channel + _o.DocumentNameBonus } : c).ToArray();
                    slots.Add((i, cands));
                    if (fixedText is not null) outText[i] = fixedText;
                    break;
            }
        }
        if (slots.Count > segStart) segments.Add((segStart, slots.Count));

        var merges = mode == RepairMode.Ocr ? MergeCandidates(tokens, slots, segments, capsLine) : null;
        var choice = new int[slots.Count];
        var merged = new int[slots.Count];
        foreach (var (s, e) in segments) Viterbi(slots, merges, s, e, choice, merged);
        var ids = new int[slots.Count];
        for (int k = 0; k < slots.Count; k++)
            ids[k] = choice[k] >= 0 ? slots[k].Cands[choice[k]].Id : choice[k] == -1 ? merges![k]![merged[k]].Id : ids[k - 1];

        bool changed = false;
        double confSum = 0; int confN = 0;
        var explanations = explain ? new List<TokenExplanation>() : null;
        for (int k = 0; k < slots.Count; k++)
        {
            var (ti, cands) = slots[k];
            if (choice[k] == -2) continue; // absorbed into the previous slot's merge
            if (choice[k] == -1)
            {
                // Two OCR tokens that are one syllable ("dw ợc" → "được"): the merge replaces the first
                // token; the gap and the second token disappear. Confidence is not estimated (0.5).
                var mc = merges![k]![merged[k]];
                var next = slots[k + 1].Token;
                outText[ti] = RepairTokenizer.ApplyCase(mc.Text, RepairTokenizer.CasePattern(tokens[ti].Text));
                for (int j = ti + 1; j <= next; j++) outText[j] = "";
                confSum += 0.5; confN++; changed = true;
                if (explanations is not null)
                {
                    // Shown with channel-only shares (the LM context is not re-scored for merges).
                    double z = merges[k]!.Sum(x => Math.Exp(x.Channel));
                    explanations.Add(new TokenExplanation(tokens[ti].Text + " " + tokens[next].Text, outText[ti], 0.5,
                        merges[k]!.Select(x => (x.Text, Math.Exp(x.Channel) / z)).OrderByDescending(x => x.Item2).Take(6).ToList()));
                }
                continue;
            }
            var c = cands[choice[k]];
            var orig = tokens[ti].Text;
            string text = c.Keep ? outText[ti] : RepairTokenizer.ApplyCase(c.Text, RepairTokenizer.CasePattern(orig));
            bool tokChanged = text != orig;
            if (tokChanged || explain)
            {
                var post = Posteriors(slots, ids, k, segments);
                if (tokChanged) { confSum += post[choice[k]]; confN++; }
                if (explanations is not null && (tokens[ti].Kind == TokenKind.Word || cands.Length > 1 || tokChanged))
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

    /// <summary>Punctuation (or a table-cell tab) after which the next word may be capitalised without being a name (same rule as the trainer).</summary>
    internal static bool SentenceBreak(string gap) =>
        gap.IndexOfAny(['.', ':', '!', '?', ';', '(', '"', '“', '-', '–', '\t', '|', '/', '+', '*', '•']) >= 0 || gap.Contains('>');

    /// <summary>
    /// Adds the capitalisation evidence to a mid-sentence word's candidates: a capitalised word prefers
    /// syllables often capitalised in training text (names), a lower-case word avoids syllables that
    /// are almost only names.
    /// </summary>
    private Candidate[] WithCaseEvidence(Candidate[] cands, int pattern)
    {
        if (pattern == 2 || cands.Length == 1) return cands;
        var r = new Candidate[cands.Length];
        for (int c = 0; c < cands.Length; c++)
        {
            var cd = cands[c];
            if (cd.Keep || cd.Id < 4) { r[c] = cd; continue; }
            float share = _m.CapitalShare[cd.Id];
            float bonus = pattern == 1 ? _o.CapitalWeight * share : _o.LowerWeight * MathF.Log(Math.Max(1e-4f, 1 - MathF.Exp(share)));
            r[c] = cd with { Channel = cd.Channel + bonus };
        }
        return r;
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
        foreach (var id in ids.Take(_o.MaxCandidates))
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
            if (keys.Count == 0 && conf is null && !valid && fold.Length >= 3)
            {
                // Nothing within one edit: widen to two (symmetric deletions), for words OCR mangled twice.
                foreach (var q in new[] { fold, mapped }.Distinct())
                    foreach (var d1 in RepairModel.Deletes(q))
                        foreach (var d2 in RepairModel.Deletes(d1))
                            if (_m.NearKeys2.TryGetValue(d2, out var near2))
                                foreach (var k in near2) keys.Add(k);
            }
        }
        foreach (var k in keys)
            foreach (var id in _m.ByFold[k])
                Offer(id, -_m.Chars.Cost(_m.Words[id], key));
        // A token that is no syllable at all is weak evidence of its own letters: trust the LM more.
        float weight = valid ? _o.ChannelWeight : _o.ChannelWeight * _o.InvalidChannelFactor;
        float bestChannel = scores.Count == 0 ? 0 : scores.Values.Max() * weight;
        var list = scores.Select(p => new Candidate(_m.Words[p.Key], p.Key, p.Value * weight, false))
            .Where(c => c.Channel >= bestChannel - _o.ChannelMargin)
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
        return _o.LmWeight * (b == SyllableLm.Bos || (b == SyllableLm.Unk && _o.UnkBigram) ? _m.Lm.Score(b, w) : _m.Lm.Score(a, b, w));
    }

    private struct Hyp
    {
        public int P2, P1, BackLayer, Back, Cand, Span;
        public float Score;
    }

    /// <summary>
    /// Merge candidates: two adjacent OCR words separated by one space, at least one of them not a
    /// syllable, whose concatenation reads as one syllable (<c>dw ợc</c> → <c>được</c>).
    /// </summary>
    private Candidate[]?[] MergeCandidates(List<RepairToken> tokens, List<(int Token, Candidate[] Cands)> slots,
        List<(int Start, int End)> segments, bool capsLine)
    {
        var result = new Candidate[]?[slots.Count];
        foreach (var (s, e) in segments)
            for (int k = s; k + 1 < e; k++)
            {
                int a = slots[k].Token, b = slots[k + 1].Token;
                if (b != a + 2 || tokens[a].Kind != TokenKind.Word || tokens[b].Kind != TokenKind.Word || tokens[a + 1].Text != " ") continue;
                var ka = RepairTokenizer.SyllableKey(tokens[a].Text);
                var kb = RepairTokenizer.SyllableKey(tokens[b].Text);
                if (ka.Length + kb.Length > 8) continue;
                bool validA = !RepairTokenizer.HasDigit(ka) && _m.IsValid(ka), validB = !RepairTokenizer.HasDigit(kb) && _m.IsValid(kb);
                if (validA || validB) continue; // both halves must be non-syllables: merging valid words does more harm than good
                var cands = CandidatesFor(ka + kb, RepairMode.Ocr, capsLine, out _)
                    .Where(c => !c.Keep && c.Channel > _o.MergeMinChannel)
                    .Select(c => c with { Channel = c.Channel + _o.MergeScore }).ToArray();
                if (cands.Length > 0) result[k] = cands;
            }
        return result;
    }

    /// <summary>
    /// Beam-pruned Viterbi over slots [start, end) with trigram states; a merge candidate spans two
    /// slots. Writes the chosen candidate per slot (-1: merged with the next, whose entry is -2).
    /// </summary>
    private void Viterbi(List<(int Token, Candidate[] Cands)> slots, Candidate[]?[]? merges, int start, int end, int[] choice, int[] merged)
    {
        int n = end - start;
        var layers = new List<Hyp>[n + 1];
        for (int k = 0; k <= n; k++) layers[k] = [];
        layers[0].Add(new Hyp { P2 = SyllableLm.Bos, P1 = SyllableLm.Bos, BackLayer = -1, Back = -1, Cand = -1, Span = 0, Score = 0 });
        var seen = new HashSet<long>();
        for (int k = 0; k < n; k++)
        {
            Prune(layers[k], seen);
            var prev = layers[k];
            var cands = slots[start + k].Cands;
            var mc = merges?[start + k];
            var target = layers[k + 1];
            for (int h = 0; h < prev.Count; h++)
            {
                var hp = prev[h];
                float bo = hp.P1 == SyllableLm.Bos ? 0f : _m.Lm.ContextBackoff(hp.P2, hp.P1);
                for (int c = 0; c < cands.Length; c++)
                {
                    var cd = cands[c];
                    float lm = cd.Id == SyllableLm.Unk ? _o.UnkLm
                        : _o.LmWeight * (hp.P1 == SyllableLm.Bos || (hp.P1 == SyllableLm.Unk && _o.UnkBigram) ? _m.Lm.Score(hp.P1, cd.Id) : _m.Lm.Score(hp.P2, hp.P1, cd.Id, bo));
                    target.Add(new Hyp { P2 = hp.P1, P1 = cd.Id, BackLayer = k, Back = h, Cand = c, Span = 1,
                        Score = hp.Score + cd.Channel + lm });
                }
                if (mc is not null && k + 1 < n)
                    for (int c = 0; c < mc.Length; c++)
                        layers[k + 2].Add(new Hyp { P2 = hp.P1, P1 = mc[c].Id, BackLayer = k, Back = h, Cand = c, Span = 2,
                            Score = hp.Score + mc[c].Channel + Lm(hp.P2, hp.P1, mc[c].Id) });
            }
        }
        Prune(layers[n], seen);
        var last = layers[n];
        int bi = 0; float bs = float.NegativeInfinity;
        for (int h = 0; h < last.Count; h++)
        {
            float sc = last[h].Score + Lm(last[h].P2, last[h].P1, SyllableLm.Eos);
            if (sc > bs) { bs = sc; bi = h; }
        }
        for (int k = n; k > 0;)
        {
            var hp = layers[k][bi];
            if (hp.Span == 1) choice[start + k - 1] = hp.Cand;
            else { choice[start + k - 2] = -1; merged[start + k - 2] = hp.Cand; choice[start + k - 1] = -2; }
            bi = hp.Back;
            k = hp.BackLayer;
        }
    }

    /// <summary>Keeps the best hypothesis per LM state (Viterbi recombination), then the best <see cref="RepairOptions.Beam"/>.</summary>
    private void Prune(List<Hyp> layer, HashSet<long> seen)
    {
        if (layer.Count <= 1) return;
        layer.Sort((x, y) => y.Score.CompareTo(x.Score));
        seen.Clear();
        int w = 0;
        for (int r = 0; r < layer.Count && w < _o.Beam; r++)
        {
            var hp = layer[r];
            // Unknown (kept) words share an LM id; keep them apart by candidate so different kept texts survive.
            long key = ((long)hp.P2 << 32) | (uint)(hp.P1 == SyllableLm.Unk ? 0x40000000 + hp.Cand : hp.P1);
            if (!seen.Add(key)) continue;
            layer[w++] = hp;
        }
        layer.RemoveRange(w, layer.Count - w);
    }

    /// <summary>Local posterior over slot k's candidates with the chosen neighbours fixed.</summary>
    private double[] Posteriors(List<(int Token, Candidate[] Cands)> slots, int[] ids, int k, List<(int Start, int End)> segments)
    {
        var (s, e) = segments.First(x => k >= x.Start && k < x.End);
        int Id(int j) => j < s ? SyllableLm.Bos : ids[j];
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
