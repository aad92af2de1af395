namespace CchcExtract.Repair;

/// <summary>Counts syllable sentences and builds an interpolated Kneser-Ney <see cref="SyllableLm"/>.</summary>
public sealed class SyllableLmBuilder
{
    private readonly Dictionary<ulong, int> _c3 = new();
    private readonly Dictionary<ulong, int> _c2 = new(); // raw bigram counts (for <s> contexts)
    private readonly int _vocab;

    public SyllableLmBuilder(int vocabularySize) => _vocab = vocabularySize;

    /// <summary>Adds one sentence of word ids (without &lt;s&gt;/&lt;/s&gt;), weighted by <paramref name="times"/>.</summary>
    public void Add(ReadOnlySpan<int> ids, int times = 1)
    {
        if (ids.Length == 0) return;
        int a = SyllableLm.Bos, b = SyllableLm.Bos;
        for (int i = 0; i <= ids.Length; i++)
        {
            int c = i < ids.Length ? ids[i] : SyllableLm.Eos;
            if (i == 0) Inc(_c2, NgramTable.Key(SyllableLm.Bos, c), times);
            else Inc(_c3, NgramTable.Key(a, b, c), times);
            a = b; b = c;
        }
    }

    private static void Inc(Dictionary<ulong, int> d, ulong k, int n)
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(d, k, out _) += n;
    }

    private static (int A, int B, int C) Split3(ulong k) => ((int)((k >> 40) & 0xFFFFF), (int)((k >> 20) & 0xFFFFF), (int)(k & 0xFFFFF));
    private static (int A, int B) Split2(ulong k) => ((int)((k >> 20) & 0xFFFFF), (int)(k & 0xFFFFF));

    /// <summary>Builds the model, keeping trigrams seen at least <paramref name="minTrigramCount"/> times.</summary>
    public SyllableLm Build(int minTrigramCount = 2)
    {
        // Discounts from count-of-counts.
        static float Discount(IEnumerable<int> counts)
        {
            long n1 = 0, n2 = 0;
            foreach (var c in counts) { if (c == 1) n1++; else if (c == 2) n2++; }
            return n1 + n2 == 0 ? 0.75f : Math.Clamp((float)n1 / (n1 + 2 * n2), 0.3f, 0.95f);
        }
        // Trigram context totals; bigram continuation counts.
        var ctx3 = new Dictionary<ulong, (int Sum, int Types)>();
        var cc2 = new Dictionary<ulong, int>(_c2); // <s> bigrams keep raw counts
        foreach (var (k, c) in _c3)
        {
            var (a, b, w) = Split3(k);
            ref var t = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ctx3, NgramTable.Key(a, b), out _);
            t.Sum += c; t.Types++;
            if (b != SyllableLm.Bos) Inc(cc2, NgramTable.Key(b, w), 1);
        }
        foreach (var (k, c) in _c2)
        {
            var (_, w) = Split2(k);
            ref var t = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ctx3, NgramTable.Key(SyllableLm.Bos, SyllableLm.Bos), out _);
            t.Sum += c; t.Types++;
        }
        var ctx2 = new double[_vocab]; var types2 = new int[_vocab];
        var cc1 = new double[_vocab];
        foreach (var (k, c) in cc2)
        {
            var (b, w) = Split2(k);
            ctx2[b] += c; types2[b]++;
            cc1[w] += 1;
        }
        float d3 = Discount(_c3.Values), d2 = Discount(cc2.Values);
        double total1 = cc1.Sum() + 1;
        var uni = new float[_vocab];
        var uniBo = new float[_vocab];
        // Unigram: continuation probability, interpolated with a uniform floor for unseen words.
        for (int w = 0; w < _vocab; w++)
            uni[w] = (float)Math.Log((cc1[w] + 0.01) / (total1 + 0.01 * _vocab));
        uni[SyllableLm.Bos] = -99f;
        for (int b = 0; b < _vocab; b++)
            uniBo[b] = ctx2[b] > 0 ? (float)Math.Log(d2 * types2[b] / ctx2[b]) : 0f;
        // Bigrams.
        var p2 = new Dictionary<ulong, float>(cc2.Count);
        foreach (var (k, c) in cc2)
        {
            var (b, w) = Split2(k);
            double p = Math.Max(c - d2, 0) / ctx2[b] + d2 * types2[b] / ctx2[b] * Math.Exp(uni[w]);
            p2[k] = (float)Math.Log(p);
        }
        float P2(int b, int w) => p2.TryGetValue(NgramTable.Key(b, w), out var v) ? v : uniBo[b] + uni[w];
        var bigramEntries = new List<(ulong, float, float)>(p2.Count);
        foreach (var (k, lp) in p2)
        {
            float bo = ctx3.TryGetValue(k, out var t) ? (float)Math.Log(d3 * t.Types / t.Sum) : 0f;
            bigramEntries.Add((k, lp, bo));
        }
        // Contexts that never appear as a stored bigram (only <s> <s>) get an entry too.
        var bosBos = NgramTable.Key(SyllableLm.Bos, SyllableLm.Bos);
        if (ctx3.TryGetValue(bosBos, out var tb)) bigramEntries.Add((bosBos, -99f, (float)Math.Log(d3 * tb.Types / tb.Sum)));
        var trigramEntries = new List<(ulong, float, float)>();
        foreach (var (k, c) in _c3)
        {
            if (c < minTrigramCount) continue;
            var (a, b, w) = Split3(k);
            var t = ctx3[NgramTable.Key(a, b)];
            double p = Math.Max(c - d3, 0) / t.Sum + d3 * t.Types / t.Sum * Math.Exp(P2(b, w));
            trigramEntries.Add((k, (float)Math.Log(p), 0f));
        }
        return new SyllableLm(uni, uniBo, NgramTable.Build(bigramEntries), NgramTable.Build(trigramEntries));
    }
}
