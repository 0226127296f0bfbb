using TakeoverRules.Links;

namespace TakeoverRules.Tests.Links;

public sealed class ConfusablesTests
{
    [Theory]
    [InlineData("nòmura", "nomura")]
    [InlineData("çliçk-seç", "click-sec")]
    [InlineData("kaḅû", "kabu")]
    [InlineData("mizuho-şc", "mizuho-sc")]
    [InlineData("daıwa", "daiwa")]
    public void An_accented_letter_reads_as_its_base_letter(string label, string skeleton)
    {
        Confusables.Skeleton(label, dropUnmapped: false).Should().Be(skeleton);
    }

    [Theory]
    [InlineData("ѕмьсnікко", "smbcnikko")]
    [InlineData("каьu", "kabu")]
    [InlineData("мonex", "monex")]
    [InlineData("nοmurа", "nomura")]
    public void Lower_case_cyrillic_and_greek_letters_read_as_the_latin_letters_tr39_lists_for_their_capitals(string label, string skeleton)
    {
        Confusables.Skeleton(label, dropUnmapped: false).Should().Be(skeleton);
    }

    [Fact]
    public void Full_width_letters_read_as_ascii_and_japanese_stays_as_it_is_unless_dropped()
    {
        Confusables.Skeleton("ｎｏｍｕｒａ", dropUnmapped: false).Should().Be("nomura");
        Confusables.Skeleton("野村證券", dropUnmapped: false).Should().Be("野村證券");
        Confusables.Skeleton("nomura証券", dropUnmapped: true).Should().Be("nomura");
    }
}
