using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TakeoverRules.Passwords;

namespace TakeoverRules.Cli.Commands;

/// <summary>
/// <c>takeover password</c>: reads passwords from standard input, one per line (UTF-8), and writes exactly one result
/// per input line, in order: the strength estimate, the policy verdict and, if asked, the breach check — never the
/// password. Exit code 1 when any password fails the policy, is breached, or could not be checked.
/// </summary>
internal static class PasswordCommand
{
    /// <summary>Longer lines are reported and skipped (not checked), so one huge line cannot exhaust memory.</summary>
    public const int MaxLineLength = 1024 * 1024;

    public static Command Create(CliConsole console)
    {
        var language = CommonOptions.Language();
        var format = CommonOptions.Format(OutputFormat.Json, OutputFormat.Text);
        var userInputs = new Option<string[]>("--user-input")
        {
            Description = "A context word for every password (login ID, e-mail, name); repeat for several",
            DefaultValueFactory = _ => [],
        };
        var policy = new Option<string>("--policy")
        {
            Description = "nist (15 characters, the default), nist-mfa (8 with MFA), or a JSON policy file for a broker policy",
            DefaultValueFactory = _ => PasswordPolicy.Nist.Name,
        };
        var pwnedFile = new Option<string?>("--pwned-file") { Description = "Also check a local sorted Pwned Passwords SHA-1 file (HASH:COUNT lines)" };
        var pwnedApi = new Option<bool>("--pwned-api") { Description = "Also check the Pwned Passwords range API (sends only a 5-hex SHA-1 prefix)" };
        var pwnedApiUrl = new Option<string?>("--pwned-api-url") { Description = "Base address of the range API or a mirror (default https://api.pwnedpasswords.com/)" };

        var command = new Command("password", "Estimate strength and check policy (and optionally breaches) for passwords read from stdin, one per line; never prints them.")
        {
            language, format, userInputs, policy, pwnedFile, pwnedApi, pwnedApiUrl,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var culture = parse.GetValue(language)!;
            PasswordPolicy chosen;
            try
            {
                chosen = ResolvePolicy(parse.GetValue(policy)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                await console.Error.WriteLineAsync($"error: --policy: {ex.Message}");
                return ExitCodes.UsageError;
            }

            using var breach = OpenBreachChecker(console, parse.GetValue(pwnedFile), parse.GetValue(pwnedApi), parse.GetValue(pwnedApiUrl), out var failed);
            if (failed) return ExitCodes.UsageError;

            var run = new Run(console, culture, parse.GetFormat(format), [.. parse.GetValue(userInputs) ?? []], new PasswordPolicyChecker(chosen), breach?.Checker);
            return await run.ExecuteAsync(cancellationToken);
        });
        return command;
    }

    private static PasswordPolicy ResolvePolicy(string value)
    {
        if (PasswordPolicy.TryGetPreset(value, out var preset)) return preset;
        if (!File.Exists(value)) throw new FormatException($"'{value}' is neither a preset (nist, nist-mfa) nor an existing JSON policy file");
        return PasswordPolicyFile.Load(value);
    }

    private static BreachSourceHandle? OpenBreachChecker(CliConsole console, string? file, bool api, string? apiUrl, out bool failed)
    {
        failed = false;
        if (file is not null && (api || apiUrl is not null))
        {
            console.Error.WriteLine("error: use either --pwned-file or --pwned-api, not both");
            failed = true;
            return null;
        }

        try
        {
            if (file is not null) return new BreachSourceHandle(PwnedPasswordsHashFile.Open(file), null);
            if (!api && apiUrl is null) return null;
            Uri? address = null;
            if (apiUrl is not null && !Uri.TryCreate(apiUrl, UriKind.Absolute, out address))
            {
                throw new ArgumentException($"'{apiUrl}' is not an absolute URL");
            }

            var options = new PwnedPasswordsRangeOptions { BaseAddress = address ?? PwnedPasswordsRangeOptions.PublicApi };
            var problems = options.Validate();
            if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems));
            var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("TakeoverRules-CLI");
            return new BreachSourceHandle(new PwnedPasswordsRangeClient(http, options), http);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            console.Error.WriteLine($"error: {(file is null ? "--pwned-api-url" : "--pwned-file")}: {ex.Message}");
            failed = true;
            return null;
        }
    }

    private sealed class BreachSourceHandle(IBreachedPasswordChecker checker, IDisposable? owned) : IDisposable
    {
        public IBreachedPasswordChecker Checker => checker;

        public void Dispose()
        {
            owned?.Dispose();
            (checker as IDisposable)?.Dispose();
        }
    }

    private sealed class Run(CliConsole console, CultureInfo culture, OutputFormat format, string[] userInputs, PasswordPolicyChecker policy, IBreachedPasswordChecker? breach)
    {
        // Japanese warnings stay readable UTF-8, as in scan; the output is a pipe or a file, not HTML.
        private static readonly JsonWriterOptions JsonLineOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly ArrayBufferWriter<byte> _json = new(1024);
        private bool _findings;

        public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
        {
            // Standard input is read as bytes so that bytes which are not UTF-8 are refused, not replaced with U+FFFD
            // and scored as a different password; a reader handed in by a test is read as text.
            ILineSource reader = console.In is StreamReader { BaseStream: var stream }
                ? new Utf8LineReader(stream, MaxLineLength)
                : new BoundedLineReader(console.In, MaxLineLength);
            var lineNumber = 0;
            while (reader.ReadLine(out var password, out var problem))
            {
                lineNumber++;
                if (problem is not null)
                {
                    _findings = true;
                    WriteSkipped(lineNumber, problem);
                    continue;
                }

                var estimate = PasswordStrength.DefaultEstimator.Estimate(password!, userInputs);
                var verdict = policy.Check(password!, estimate, userInputs);
                BreachCheckResult? breached = breach is null ? null : await breach.CheckAsync(password!, cancellationToken);
                _findings |= !verdict.IsCompliant || breached is { Status: not BreachStatus.NotFound };
                if (format == OutputFormat.Json) WriteJson(lineNumber, estimate, verdict, breached);
                else WriteText(lineNumber, estimate, verdict, breached);
            }

            return _findings ? ExitCodes.Findings : ExitCodes.Ok;
        }

        private void WriteSkipped(int lineNumber, string reason)
        {
            if (format == OutputFormat.Text)
            {
                console.Out.WriteLine($"{lineNumber.ToString(CultureInfo.InvariantCulture)}: error: {reason}");
                return;
            }

            _json.Clear();
            using (var writer = new Utf8JsonWriter(_json, JsonLineOptions))
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", lineNumber);
                writer.WriteString("error", reason);
                writer.WriteEndObject();
            }

            console.Out.WriteLine(Encoding.UTF8.GetString(_json.WrittenSpan));
        }

        private void WriteJson(int lineNumber, PasswordEstimate estimate, PasswordPolicyResult verdict, BreachCheckResult? breached)
        {
            _json.Clear();
            using (var writer = new Utf8JsonWriter(_json, JsonLineOptions))
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", lineNumber);
                writer.WriteNumber("score", (int)estimate.Score);
                writer.WriteNumber("guessesLog10", Math.Round(estimate.GuessesLog10, 3));
                writer.WriteNumber("length", estimate.Length);
                writer.WriteStartObject("crackTimesSeconds");
                WriteSeconds(writer, "onlineThrottled", estimate.CrackTimes.OnlineThrottledSeconds);
                WriteSeconds(writer, "onlineUnthrottled", estimate.CrackTimes.OnlineUnthrottledSeconds);
                WriteSeconds(writer, "offlineSlowHash", estimate.CrackTimes.OfflineSlowHashSeconds);
                WriteSeconds(writer, "offlineFastHash", estimate.CrackTimes.OfflineFastHashSeconds);
                writer.WriteEndObject();
                if (estimate.Feedback.Warning != PasswordWarning.None)
                {
                    writer.WriteStartObject("warning");
                    writer.WriteString("code", estimate.Feedback.Warning.ToString());
                    writer.WriteString("text", estimate.Feedback.GetWarningText(culture));
                    writer.WriteEndObject();
                }

                writer.WriteStartArray("suggestions");
                foreach (var suggestion in estimate.Feedback.Suggestions)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", suggestion.ToString());
                    writer.WriteString("text", PasswordFeedbackText.Get(suggestion, culture));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("patterns");
                foreach (var pattern in estimate.Sequence)
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", pattern.Kind.ToString());
                    writer.WriteNumber("start", pattern.Start);
                    writer.WriteNumber("length", pattern.Length);
                    writer.WriteNumber("guessesLog10", Math.Round(pattern.GuessesLog10, 3));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartObject("policy");
                writer.WriteString("name", verdict.PolicyName);
                writer.WriteBoolean("compliant", verdict.IsCompliant);
                writer.WriteStartArray("violations");
                foreach (var violation in verdict.Violations)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", violation.Code.ToString());
                    writer.WriteString("message", violation.GetMessage(culture));
                    writer.WriteString("reason", violation.GetReason(culture));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                if (breached is { } b)
                {
                    writer.WriteStartObject("breach");
                    writer.WriteString("status", b.Status.ToString());
                    if (b.Count is { } count) writer.WriteNumber("count", count);
                    if (b.Failure != BreachCheckFailure.None) writer.WriteString("failure", b.Failure.ToString());
                    if (b.Detail is { } detail) writer.WriteString("detail", detail);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            console.Out.WriteLine(Encoding.UTF8.GetString(_json.WrittenSpan));
        }

        private static void WriteSeconds(Utf8JsonWriter writer, string name, double seconds)
        {
            // JSON has no infinity; a crack time beyond a double is written as null.
            if (double.IsFinite(seconds)) writer.WriteNumber(name, seconds);
            else writer.WriteNull(name);
        }

        private void WriteText(int lineNumber, PasswordEstimate estimate, PasswordPolicyResult verdict, BreachCheckResult? breached)
        {
            var ja = TextLanguage.IsJapanese(culture);
            var o = console.Out;
            var score = ((int)estimate.Score).ToString(CultureInfo.InvariantCulture);
            var log10 = estimate.GuessesLog10.ToString("0.0", CultureInfo.InvariantCulture);
            var verdictText = verdict.IsCompliant ? (ja ? "適合" : "pass") : (ja ? "不適合" : "FAIL");
            o.WriteLine(ja
                ? $"{lineNumber.ToString(CultureInfo.InvariantCulture)}: 強度 {score}/4（推測回数 10^{log10}）・ポリシー {verdict.PolicyName}: {verdictText}"
                : $"{lineNumber.ToString(CultureInfo.InvariantCulture)}: score {score}/4 (10^{log10} guesses) · policy {verdict.PolicyName}: {verdictText}");
            if (estimate.Feedback.Warning != PasswordWarning.None) o.WriteLine($"   {(ja ? "警告" : "warning")}: {estimate.Feedback.GetWarningText(culture)}");
            foreach (var text in estimate.Feedback.GetSuggestionTexts(culture)) o.WriteLine($"   {(ja ? "提案" : "suggestion")}: {text}");
            foreach (var violation in verdict.Violations)
            {
                o.WriteLine(ja
                    ? $"   ポリシー: {violation.GetMessage(culture)}（{violation.GetReason(culture)}）"
                    : $"   policy: {violation.GetMessage(culture)} ({violation.GetReason(culture)})");
            }

            if (breached is { } b) o.WriteLine($"   {(ja ? "漏えい確認" : "breach")}: {b}");
        }
    }

    /// <summary>Lines of input; <c>problem</c> says why a line is not checked (too long, not UTF-8), else the line is given.</summary>
    internal interface ILineSource
    {
        bool ReadLine(out string? line, out string? problem);
    }

    private static string TooLong(int max) => $"line is longer than {max.ToString(CultureInfo.InvariantCulture)} characters; not checked";

    /// <summary>Splits units (bytes or chars) into lines of at most <c>limit</c> units; a longer line is consumed to its end and flagged.</summary>
    private sealed class LineSplitter<T>(Func<T[], int> read, T newline, T carriageReturn, int limit)
        where T : unmanaged, IEquatable<T>
    {
        private readonly ArrayBufferWriter<T> _line = new(256);
        private readonly T[] _buffer = new T[8192];
        private int _position;
        private int _count;

        /// <summary>The line just read, without its line ending.</summary>
        public ReadOnlySpan<T> Line => _line.WrittenSpan is [.., var last] && last.Equals(carriageReturn) ? _line.WrittenSpan[..^1] : _line.WrittenSpan;

        public bool Next(out bool tooLong)
        {
            _line.Clear(); // zeroes what the previous line held: it was a password
            tooLong = false;
            var any = false;
            while (true)
            {
                if (_position == _count)
                {
                    _count = read(_buffer);
                    _position = 0;
                    if (_count == 0) return any;
                }

                any = true;
                var span = _buffer.AsSpan(_position, _count - _position);
                var end = span.IndexOf(newline);
                var take = end < 0 ? span : span[..end];
                if (!tooLong && _line.WrittenCount + take.Length > limit + 1) tooLong = true;
                if (!tooLong) _line.Write(take);
                _position += end < 0 ? span.Length : end + 1;
                if (end >= 0) return true;
            }
        }
    }

    /// <summary>Reads UTF-8 lines of at most <c>max</c> characters from bytes, strictly: a line that is not UTF-8 is reported with the offset of its first bad byte.</summary>
    private sealed class Utf8LineReader(Stream stream, int max) : ILineSource
    {
        // A UTF-8 character is at most 4 bytes, so more than 4 × max bytes is more than max characters.
        private readonly LineSplitter<byte> _lines = new(buffer => stream.Read(buffer), (byte)'\n', (byte)'\r', 4 * max);
        private bool _started;

        public bool ReadLine(out string? line, out string? problem)
        {
            line = null;
            problem = null;
            if (!_lines.Next(out var tooLong)) return false;
            var bytes = _lines.Line;
            if (!_started)
            {
                _started = true;
                if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
            }

            if (tooLong || Encoding.UTF8.GetCharCount(bytes) > max) problem = TooLong(max);
            else if (!System.Text.Unicode.Utf8.IsValid(bytes)) problem = $"line is not valid UTF-8 (first bad byte at offset {FirstInvalid(bytes).ToString(CultureInfo.InvariantCulture)}); not checked";
            else line = Encoding.UTF8.GetString(bytes);
            return true;
        }

        private static int FirstInvalid(ReadOnlySpan<byte> bytes)
        {
            var offset = 0;
            while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done) offset += consumed;
            return offset;
        }
    }

    /// <summary>Reads lines of at most <c>max</c> characters from text.</summary>
    internal sealed class BoundedLineReader(TextReader reader, int max) : ILineSource
    {
        private readonly LineSplitter<char> _lines = new(buffer => reader.Read(buffer, 0, buffer.Length), '\n', '\r', max);

        public bool ReadLine(out string? line, out string? problem)
        {
            line = null;
            problem = null;
            if (!_lines.Next(out var tooLong)) return false;
            if (tooLong || _lines.Line.Length > max) problem = TooLong(max);
            else line = _lines.Line.ToString();
            return true;
        }
    }
}
