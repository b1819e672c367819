using System;

namespace Compose.Libraries.VfsCore
{
    public sealed partial class Vfs
    {
        private VfsNode[] _stack = new VfsNode[16];

        /// <summary>
        /// Resolves <paramref name="path"/>: every component but the last must name a directory (ENOENT, ENOTDIR),
        /// <c>..</c> pops to the previous directory and stays at the root, mount points are crossed both ways.
        /// Gives the directory holding the last component (null for the root itself), the last component (a slice of
        /// the path), the node it names (null when it does not exist) and whether the path ended in '/'.
        /// </summary>
        private int Resolve(ReadOnlySpan<byte> path, out VfsNode? parent, out ReadOnlySpan<byte> name, out VfsNode? node,
                            out bool trailingSlash)
        {
            parent = null;
            name = default;
            node = null;
            trailingSlash = false;
            if (path.Length == 0) return -Errno.ENOENT;
            if (path.Length > MaxPath) return -Errno.ENAMETOOLONG;
            if (path.IndexOf((byte)0) >= 0) return -Errno.EINVAL;
            if (_root is null) return -Errno.ENOENT;

            int end = path.Length;
            while (end > 0 && path[end - 1] == (byte)'/') end--;
            trailingSlash = end > 0 && end < path.Length;
            if (end == 0)
            {
                node = _root;
                return 0;
            }
            int lastStart = end;
            while (lastStart > 0 && path[lastStart - 1] != (byte)'/') lastStart--;

            int depth = 1;
            _stack[0] = _root;
            int i = 0;
            while (i < lastStart)
            {
                int start = i;
                while (i < lastStart && path[i] != (byte)'/') i++;
                var component = path.Slice(start, i - start);
                i++;
                if (component.Length == 0) continue;
                if (component.Length > MaxName) return -Errno.ENAMETOOLONG;
                VfsNode current = _stack[depth - 1];
                if (current.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
                if (IsDot(component)) continue;
                if (IsDotDot(component))
                {
                    if (depth > 1) depth--;
                    continue;
                }
                VfsNode? child = current.Lookup(component);
                if (child is null) return -Errno.ENOENT;
                if (depth == _stack.Length) _stack = Grown(_stack, depth * 2);
                _stack[depth++] = Cross(child);
            }

            VfsNode directory = _stack[depth - 1];
            if (directory.Type != VfsNodeType.Directory) return -Errno.ENOTDIR;
            name = path.Slice(lastStart, end - lastStart);
            if (name.Length > MaxName) return -Errno.ENAMETOOLONG;
            if (IsDot(name))
            {
                node = directory;
                parent = depth > 1 ? _stack[depth - 2] : null;
            }
            else if (IsDotDot(name))
            {
                node = depth > 1 ? _stack[depth - 2] : directory;
                parent = depth > 2 ? _stack[depth - 3] : null;
            }
            else
            {
                VfsNode? child = directory.Lookup(name);
                node = child is null ? null : Cross(child);
                parent = directory;
            }
            return 0;
        }

        /// <summary>The root of the file system mounted on <paramref name="node"/>, or the node itself.</summary>
        private VfsNode Cross(VfsNode node)
        {
            for (int i = 0; i < _mounts; i++)
                if (_mountPoints[i] == node) return _mountRoots[i]!;
            return node;
        }

        private bool IsMounted(VfsNode node)
        {
            if (node == _root) return true;
            for (int i = 0; i < _mounts; i++)
                if (_mountRoots[i] == node) return true;
            return false;
        }

        private static bool IsRootPath(ReadOnlySpan<byte> path)
        {
            if (path.Length == 0) return false;
            for (int i = 0; i < path.Length; i++) if (path[i] != (byte)'/') return false;
            return true;
        }

        private static bool IsDot(ReadOnlySpan<byte> c) => c.Length == 1 && c[0] == (byte)'.';

        private static bool IsDotDot(ReadOnlySpan<byte> c) => c.Length == 2 && c[0] == (byte)'.' && c[1] == (byte)'.';

        /// <summary>The UTF-8 bytes of <paramref name="path"/> (for callers holding strings).</summary>
        public static byte[] Path(string path)
        {
            int size = 0;
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                size += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
            var bytes = new byte[size];
            int at = 0;
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                if (c < 0x80) bytes[at++] = (byte)c;
                else if (c < 0x800)
                {
                    bytes[at++] = (byte)(0xC0 | (c >> 6));
                    bytes[at++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    bytes[at++] = (byte)(0xE0 | (c >> 12));
                    bytes[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    bytes[at++] = (byte)(0x80 | (c & 0x3F));
                }
            }
            return bytes;
        }
    }
}
