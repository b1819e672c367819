using System;
using Compose.Platform;

namespace Compose.Libraries.UkDebug
{
    /// <summary>
    /// A named event counter (Unikraft's trace points, reduced to counts). Libraries register one per event once,
    /// then <see cref="Hit"/> it; with the ukdebug option TRACE on, the counts are printed at shutdown.
    /// </summary>
    public sealed class TracePoint
    {
        internal TracePoint(string library, string name)
        {
            Library = library;
            Name = name;
        }

        /// <summary>The library that owns the trace point.</summary>
        public string Library { get; }

        /// <summary>The event's name.</summary>
        public string Name { get; }

        /// <summary>How often the event happened.</summary>
        public long Count { get; private set; }

        /// <summary>Counts one occurrence.</summary>
        public void Hit() => Count++;

        /// <summary>Counts <paramref name="times"/> occurrences.</summary>
        public void Add(long times) => Count += times;
    }

    public static partial class UkDebugLibrary
    {
        private static TracePoint[] _tracePoints = new TracePoint[8];
        private static int _traceCount;

        /// <summary>Number of registered trace points.</summary>
        public static int TracePointCount => _traceCount;

        /// <summary>The registered trace point at <paramref name="index"/> (registration order), or null.</summary>
        public static TracePoint? TracePointAt(int index) => index >= 0 && index < _traceCount ? _tracePoints[index] : null;

        /// <summary>
        /// The trace point <paramref name="library"/>.<paramref name="name"/>, registered on first use (the same
        /// object for the same names).
        /// </summary>
        public static TracePoint RegisterTracePoint(string library, string name)
        {
            for (int i = 0; i < _traceCount; i++)
            {
                TracePoint t = _tracePoints[i];
                if (t.Library == library && t.Name == name) return t;
            }
            if (_traceCount == _tracePoints.Length)
            {
                var grown = new TracePoint[_traceCount * 2];
                Array.Copy(_tracePoints, grown, _traceCount);
                _tracePoints = grown;
            }
            var point = new TracePoint(library, name);
            _tracePoints[_traceCount++] = point;
            return point;
        }

        /// <summary>The counter report: one line "trace library.name count" per trace point, in registration order.</summary>
        public static string TraceReport()
        {
            string text = "";
            for (int i = 0; i < _traceCount; i++)
                text += "trace " + _tracePoints[i].Library + "." + _tracePoints[i].Name + " " + _tracePoints[i].Count + "\n";
            return text;
        }

        /// <summary>At shutdown, with TRACE on, prints <see cref="TraceReport"/>.</summary>
        [UkTerm(UkInitClass.Late)]
        public static void PrintTraceCounters()
        {
            if (!Options.Trace || _traceCount == 0) return;
            UkConsole.Write(TraceReport());
        }
    }
}
