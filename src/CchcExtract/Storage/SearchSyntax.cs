using System.Text;
using CchcExtract.Text;

namespace CchcExtract.Storage;

/// <summary>A node of a parsed search query.</summary>
public abstract record QueryNode;

/// <summary>
/// A word (one token) or a phrase (several tokens in order). <see cref="Exact"/> holds the tokens
/// normalised and lower-cased with accents kept; <see cref="Folded"/> the same tokens folded
/// (<see cref="VietnameseText.Fold"/>). <see cref="Prefix"/>: the last token is a prefix (<c>khao*</c>).
/// </summary>
public sealed record TermNode(IReadOnlyList<string> Exact, IReadOnlyList<string> Folded, bool Prefix) : QueryNode;

/// <summary>All of <see cref="Include"/> and none of <see cref="Exclude"/> (<c>-word</c>).</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Include, IReadOnlyList<QueryNode> Exclude) : QueryNode;

/// <summary>Any of <see cref="Options"/> (<c>a OR b</c>).</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Options) : QueryNode;

/// <summary>
/// The analyst query language: words (all must occur), <c>"phrases"</c>, <c>prefix*</c>,
/// <c>-exclusion</c>, <c>OR</c> (binds looser than the implicit AND) and parentheses. Matching is
/// accent-insensitive (đ = d); an exact-accent match ranks higher. Parsing never reaches SQLite:
/// malformed input raises <see cref="QueryException"/> with a message fit for the user, and the
/// FTS5 expression built from the tree quotes every token.
/// </summary>
public sealed class ParsedQuery
{
    private ParsedQuery(string text, QueryNode root)
    {
        Text = text;
        Root = root;
        Terms = CollectPositive(root).ToList();
    }

    /// <summary>The query as typed.</summary>
    public string Text { get; }

    /// <summary>The parsed tree.</summary>
    public QueryNode Root { get; }

    /// <summary>The terms a match may contain (not under an exclusion): what a highlighter marks.</summary>
    public IReadOnlyList<TermNode> Terms { get; }

    /// <summary>Parses a query or throws <see cref="QueryException"/>.</summary>
    public static ParsedQuery Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new QueryException("Empty query: type a word or a \"phrase\" to search for.");
        var tokens = Lex(VietnameseText.Normalize(text));
        var p = new Parser(tokens);
        var root = p.ParseOr();
        if (!p.AtEnd)
            throw p.Peek.Kind == LexKind.Close
                ? new QueryException("Unbalanced parenthesis: ')' has no matching '('.")
                : new QueryException($"Unexpected '{p.Peek.Text}' in the query.");
        root = Simplify(root) ?? throw new QueryException("Nothing to search for: the query holds no letters or digits.");
        return new ParsedQuery(text, root);
    }

    /// <summary>
    /// The FTS5 MATCH expression over the <c>exact</c> and <c>folded</c> columns: each term matches
    /// either column (so accent-free queries work); bm25 weights the exact column higher.
    /// Exclusions match the folded column (accent-insensitive).
    /// </summary>
    public string ToFts5() => Render(Root);

    private static string Render(QueryNode n) => n switch
    {
        // An accent-free term's exact form equals its folded form: the folded column alone matches the same
        // rows, and skipping the exact column halves the index work (nothing to boost).
        TermNode t when t.Exact.SequenceEqual(t.Folded) => $"folded : {Phrase(t.Folded, t.Prefix)}",
        TermNode t => $"(exact : {Phrase(t.Exact, t.Prefix)} OR folded : {Phrase(t.Folded, t.Prefix)})",
        OrNode o => "(" + string.Join(" OR ", o.Options.Select(Render)) + ")",
        AndNode a => RenderAnd(a),
        _ => throw new InvalidOperationException(),
    };

    private static string RenderAnd(AndNode a)
    {
        var inc = a.Include.Count == 1 ? Render(a.Include[0]) : "(" + string.Join(" AND ", a.Include.Select(Render)) + ")";
        if (a.Exclude.Count == 0) return inc;
        return "(" + inc + " NOT (" + string.Join(" OR ", a.Exclude.Select(RenderExcluded)) + "))";
    }

    private static string RenderExcluded(QueryNode n) => n switch
    {
        TermNode t => $"folded : {Phrase(t.Folded, t.Prefix)}",
        _ => Render(n),
    };

    private static string Phrase(IReadOnlyList<string> tokens, bool prefix) =>
        "\"" + string.Join(' ', tokens).Replace("\"", "\"\"") + "\"" + (prefix ? " *" : "");

    private static IEnumerable<TermNode> CollectPositive(QueryNode n) => n switch
    {
        TermNode t => [t],
        OrNode o => o.Options.SelectMany(CollectPositive),
        AndNode a => a.Include.SelectMany(CollectPositive),
        _ => [],
    };

    // Drops terms without tokens, flattens single-child groups.
    private static QueryNode? Simplify(QueryNode n)
    {
        switch (n)
        {
            case TermNode t:
                return t.Exact.Count == 0 ? null : t;
            case OrNode o:
            {
                var opts = o.Options.Select(Simplify).OfType<QueryNode>().ToList();
                return opts.Count switch { 0 => null, 1 => opts[0], _ => new OrNode(opts) };
            }
            case AndNode a:
            {
                var inc = a.Include.Select(Simplify).OfType<QueryNode>().ToList();
                var exc = a.Exclude.Select(Simplify).OfType<QueryNode>().ToList();
                if (inc.Count == 0 && exc.Count == 0) return null;
                if (inc.Count == 0)
                    throw new QueryException("A query cannot only exclude words: add at least one word to search for (e.g. 'khao sat -website').");
                return inc.Count == 1 && exc.Count == 0 ? inc[0] : new AndNode(inc, exc);
            }
        }
        return n;
    }

    // ---- lexer ----

    private enum LexKind { Word, Phrase, Or, And, Minus, Open, Close }

    private sealed record Lexeme(LexKind Kind, string Text, bool Prefix = false);

    private static List<Lexeme> Lex(string s)
    {
        var list = new List<Lexeme>();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(') { list.Add(new(LexKind.Open, "(")); i++; continue; }
            if (c == ')') { list.Add(new(LexKind.Close, ")")); i++; continue; }
            if (c is '"' or '“' or '”')
            {
                int end = s.IndexOfAny(['"', '“', '”'], i + 1);
                if (end < 0) throw new QueryException("Unbalanced quotation mark: close the phrase with '\"' (e.g. \"dich vu cong\").");
                var inner = s[(i + 1)..end];
                i = end + 1;
                bool prefix = false;
                if (i < s.Length && s[i] == '*') { prefix = true; i++; }
                if (string.IsNullOrWhiteSpace(inner)) throw new QueryException("Empty phrase \"\": put words between the quotation marks.");
                list.Add(new(LexKind.Phrase, inner, prefix));
                continue;
            }
            if (c == '-' && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]))
            {
                list.Add(new(LexKind.Minus, "-"));
                i++;
                continue;
            }
            int start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('"' or '“' or '”' or '(' or ')')) i++;
            var word = s[start..i];
            if (word == "OR") { list.Add(new(LexKind.Or, word)); continue; }
            if (word == "AND") { list.Add(new(LexKind.And, word)); continue; }
            bool pre = false;
            if (word.EndsWith('*'))
            {
                word = word.TrimEnd('*');
                pre = true;
                if (Tokens(word).Count == 0)
                    throw new QueryException("'*' must follow a word: it marks a prefix search (e.g. 'khao*').");
            }
            if (word.Contains('*'))
                throw new QueryException($"'*' may only end a word (prefix search like 'khao*'), not sit inside '{s[start..i]}'.");
            list.Add(new(LexKind.Word, word, pre));
        }
        return list;
    }

    /// <summary>Splits text into index tokens the way the FTS5 tokenizer does (runs of letters and digits).</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var result = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0) { result.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) result.Add(sb.ToString());
        return result;
    }

    private static TermNode Term(string text, bool prefix)
    {
        var exact = Tokens(VietnameseText.Key(text));
        var folded = exact.Select(VietnameseText.Fold).ToList();
        return new TermNode(exact, folded, prefix);
    }

    // ---- parser ----

    private sealed class Parser(List<Lexeme> tokens)
    {
        private int _pos;
        private int _depth;
        public bool AtEnd => _pos >= tokens.Count;
        public Lexeme Peek => tokens[_pos];

        public QueryNode ParseOr()
        {
            var options = new List<QueryNode>();
            if (!AtEnd && Peek.Kind == LexKind.Or) throw DanglingOr();
            options.Add(ParseAnd());
            while (!AtEnd && Peek.Kind == LexKind.Or)
            {
                _pos++;
                if (AtEnd || Peek.Kind is LexKind.Or or LexKind.Close or LexKind.And) throw DanglingOr();
                options.Add(ParseAnd());
            }
            return options.Count == 1 ? options[0] : new OrNode(options);
        }

        private static QueryException DanglingOr() =>
            new("'OR' needs a search term on each side (e.g. 'website OR \"cong thong tin\"').");

        private QueryNode ParseAnd()
        {
            var inc = new List<QueryNode>();
            var exc = new List<QueryNode>();
            while (!AtEnd && Peek.Kind is not (LexKind.Or or LexKind.Close))
            {
                if (Peek.Kind == LexKind.And)
                {
                    _pos++;
                    if (AtEnd || Peek.Kind is LexKind.Or or LexKind.Close or LexKind.And || inc.Count + exc.Count == 0)
                        throw new QueryException("'AND' needs a search term on each side.");
                    continue;
                }
                if (Peek.Kind == LexKind.Minus)
                {
                    _pos++;
                    if (AtEnd || Peek.Kind is LexKind.Or or LexKind.Close or LexKind.And or LexKind.Minus)
                        throw new QueryException("'-' must be followed by the word or \"phrase\" to exclude (e.g. '-website').");
                    exc.Add(ParseAtom());
                }
                else inc.Add(ParseAtom());
            }
            if (inc.Count + exc.Count == 0)
                throw AtEnd || Peek.Kind != LexKind.Close ? DanglingOr()
                    : _depth == 0 ? new QueryException("Unbalanced parenthesis: ')' has no matching '('.")
                    : new QueryException("Empty parentheses '()': put search terms inside.");
            return new AndNode(inc, exc);
        }

        private QueryNode ParseAtom()
        {
            var t = tokens[_pos++];
            switch (t.Kind)
            {
                case LexKind.Word:
                case LexKind.Phrase:
                    return Term(t.Text, t.Prefix);
                case LexKind.Open:
                    if (++_depth > 20) throw new QueryException("Too many nested parentheses.");
                    if (!AtEnd && Peek.Kind == LexKind.Close) throw new QueryException("Empty parentheses '()': put search terms inside.");
                    var inner = ParseOr();
                    if (AtEnd || Peek.Kind != LexKind.Close) throw new QueryException("Unbalanced parenthesis: '(' is never closed.");
                    _pos++;
                    _depth--;
                    return inner;
                default:
                    throw new QueryException($"Unexpected '{t.Text}' in the query.");
            }
        }
    }
}
