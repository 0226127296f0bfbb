namespace TakeoverRules.Tests;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("a\nb\r\nc\rd", "a b c d")]
    [InlineData("a\u2028b\u2029c\u0085d\ve\ff\tg", "a b c d e f g")]
    [InlineData("\u001b[31mred\u0000", "\uFFFD[31mred\uFFFD")]
    [InlineData("0570-\u202e118610", "0570-\uFFFD118610")]
    public void Free_text_becomes_one_line_of_visible_characters(string text, string line) => PlainText.OneLine(text).Should().Be(line);

    [Fact]
    public void A_lone_surrogate_becomes_U_FFFD_and_a_pair_is_kept() =>
        PlainText.OneLine("lone \ud800 and \udc00 pair \ud83d\ude00").Should().Be("lone \uFFFD and \uFFFD pair \ud83d\ude00");

    [Fact]
    public void Ordinary_text_is_returned_as_it_is() =>
        PlainText.OneLine("金融庁 金融サービス利用者相談室 ☎ 0570-016811").Should().BeSameAs("金融庁 金融サービス利用者相談室 ☎ 0570-016811");
}
