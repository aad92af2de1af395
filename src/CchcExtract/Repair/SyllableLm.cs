namespace CchcExtract.Repair;

/// <summary>
/// Syllable trigram language model with interpolated Kneser-Ney smoothing, stored ARPA-style
/// (interpolated probabilities for seen n-grams, back-off weights for contexts) in hashed tables.
/// Word ids: 0 <c>&lt;unk&gt;</c>, 1 <c>&lt;s&gt;</c>, 2 <c>&lt;/s&gt;</c>, 3 <c>&lt;num&gt;</c> (numbers, codes), then syllables.
/// All scores are natural logarithms.
/// </summary>
public sealed class SyllableLm
{
    public const int Unk = 0, Bos = 1, Eos = 2, Num = 3;

    private readonly float[] _uniLogp;
    private readonly float[] _uniBackoff;
    private readonly NgramTable _bigrams;
    private readonly NgramTable _trigrams;

    public SyllableLm(float[] uniLogp, float[] uniBackoff, NgramTable bigrams, NgramTable trigrams)
    {
        _uniLogp = uniLogp; _uniBackoff = uniBackoff; _bigrams = bigrams; _trigrams = trigrams;
    }

    public int VocabularySize => _uniLogp.Length;
    public int BigramCount => _bigrams.Count;
    public int TrigramCount => _trigrams.Count;

    /// <summary>Unigram log-probability of a word.</summary>
    public float Unigram(int w) => _uniLogp[w];

    /// <summary>log P(w | a b).</summary>
    public float Score(int a, int b, int w)
    {
        if (_trigrams.TryGet(NgramTable.Key(a, b, w), out var lp3, out _)) return lp3;
        float bo = 0;
        if (_bigrams.TryGet(NgramTable.Key(a, b), out _, out var boAb)) bo = boAb;
        return bo + Score(b, w);
    }

    /// <summary>Back-off weight of the context <c>a b</c> (0 when the context was never seen).</summary>
    public float ContextBackoff(int a, int b) => _bigrams.TryGet(NgramTable.Key(a, b), out _, out var bo) ? bo : 0f;

    /// <summary>log P(w | a b) given the context's back-off weight from <see cref="ContextBackoff"/>.</summary>
    public float Score(int a, int b, int w, float contextBackoff)
    {
        if (_trigrams.TryGet(NgramTable.Key(a, b, w), out var lp3, out _)) return lp3;
        return contextBackoff + Score(b, w);
    }

    /// <summary>log P(w | b).</summary>
    public float Score(int b, int w)
    {
        if (_bigrams.TryGet(NgramTable.Key(b, w), out var lp2, out _)) return lp2;
        return _uniBackoff[b] + _uniLogp[w];
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_uniLogp.Length);
        foreach (var x in _uniLogp) w.Write(x);
        foreach (var x in _uniBackoff) w.Write(x);
        _bigrams.Write(w);
        _trigrams.Write(w);
    }

    public static SyllableLm Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var u = new float[n]; var b = new float[n];
        var bytes = r.ReadBytes(n * 4); Buffer.BlockCopy(bytes, 0, u, 0, bytes.Length);
        bytes = r.ReadBytes(n * 4); Buffer.BlockCopy(bytes, 0, b, 0, bytes.Length);
        var bi = NgramTable.Read(r);
        var tri = NgramTable.Read(r);
        return new SyllableLm(u, b, bi, tri);
    }
}
