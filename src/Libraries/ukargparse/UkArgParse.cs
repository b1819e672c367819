namespace Compose.Libraries.UkArgParse
{
    /// <summary>
    /// Splits a command line into arguments (Unikraft's ukargparse): blanks separate arguments; single quotes
    /// keep everything literally; double quotes keep blanks and allow <c>\"</c> and <c>\\</c>; a backslash outside
    /// quotes escapes the next character.
    /// </summary>
    [UkLibrary("ukargparse", Description = "Command-line splitting", License = "BSD-3-Clause")]
    public static class UkArgParseLibrary
    {
        /// <summary>The arguments of <paramref name="commandLine"/>.</summary>
        public static string[] Split(string commandLine)
        {
            int count = Scan(commandLine, null, null);
            var result = new string[count];
            var buffer = new char[commandLine.Length];
            Scan(commandLine, result, buffer);
            return result;
        }

        // One pass counts (result null) or fills: the same state machine either way, so both agree.
        private static int Scan(string s, string[]? result, char[]? buffer)
        {
            int count = 0, i = 0;
            while (i < s.Length)
            {
                while (i < s.Length && IsBlank(s[i])) i++;
                if (i >= s.Length) break;
                int length = 0;
                char quote = '\0';
                for (; i < s.Length; i++)
                {
                    char c = s[i];
                    if (quote == '\0')
                    {
                        if (IsBlank(c)) break;
                        if (c == '"' || c == '\'') { quote = c; continue; }
                        if (c == '\\' && i + 1 < s.Length) c = s[++i];
                    }
                    else if (c == quote) { quote = '\0'; continue; }
                    else if (quote == '"' && c == '\\' && i + 1 < s.Length && (s[i + 1] == '"' || s[i + 1] == '\\')) c = s[++i];
                    if (buffer != null) buffer[length] = c;
                    length++;
                }
                if (result != null) result[count] = new string(buffer!, 0, length);
                count++;
            }
            return count;
        }

        private static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
