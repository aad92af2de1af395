using CchcExtract.Storage;
using Shouldly;

namespace CchcExtract.Tests.Storage;

public class TaskGroupingTests
{
    private static SearchHit Hit(string commune, string text, double score) => new()
    {
        ItemId = 0, Kind = HitKind.Task, Document = commune + ".txt", Commune = commune, Text = text, Score = score,
        Snippet = new HighlightedText(text, []),
    };

    [Fact]
    public void Group_RewordedCopiesAcrossCommunes_OneGroupPerCommitment()
    {
        var groups = TaskGrouping.Group([
            Hit("A", "Khảo sát sự hài lòng của người dân, tổ chức", 3),
            Hit("B", "Khảo sát sự hài lòng của người dân và tổ chức", 2),
            Hit("C", "Khao sat su hai long cua nguoi dan, to chuc", 1),
            Hit("D", "Tuyên truyền cải cách hành chính trên loa truyền thanh", 2.5),
        ]);
        groups.Count.ShouldBe(2);
        groups[0].Communes.ShouldBe(["A", "B", "C"]);
        groups[0].Best.Commune.ShouldBe("A");
        groups[1].Communes.ShouldBe(["D"]);
    }

    [Fact]
    public void Highlight_AccentFreePrefixQuery_MarksAccentedWords()
    {
        var q = ParsedQuery.Parse("khao* \"hai long\"");
        Highlighter.Highlight("Khảo sát sự hài lòng; hài hước, lòng tin", q).Render("<", ">")
            .ShouldBe("<Khảo> sát sự <hài lòng>; hài hước, lòng tin");
    }

    [Fact]
    public void Snippet_LongText_CutsAroundTheMatch()
    {
        var words = string.Join(' ', Enumerable.Range(1, 60).Select(i => "từ" + i));
        var s = Highlighter.Snippet(words + " khảo sát " + words, ParsedQuery.Parse("khao sat"), maxWords: 10);
        s.Text.ShouldStartWith("…");
        s.Text.ShouldEndWith("…");
        s.Render("[", "]").ShouldContain("[khảo sát]");
    }

    [Fact]
    public void ToFts5_Term_QueriesExactAndFoldedColumns()
    {
        ParsedQuery.Parse("Đảng").ToFts5().ShouldBe("(exact : \"đảng\" OR folded : \"dang\")");
    }
}
