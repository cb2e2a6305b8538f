"""trie_regex: a regular expression matching exactly a list of words, written as
a prefix tree (`a(?:bove|uto)`), which fails much faster than a flat alternation.
Used by gen_css.py and gen_sass.py; run on its own, it tests itself."""
import re
def trie_regex(words):
    """A regex matching exactly the given words, prefixes factored out."""
    trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[''] = True
    def build(node):
        alts = []
        end = '' in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch).replace('\\-', '-') + build(node[ch]))
        if not alts:
            return ''
        if len(alts) == 1 and not end:
            return alts[0]
        body = '(?:' + '|'.join(alts) + ')' if len(alts) > 1 else alts[0]
        if end:
            return ('(?:' + '|'.join(alts) + ')?') if len(alts) > 1 else ('(?:' + alts[0] + ')?')
        return body
    return build(trie)
if __name__ == '__main__':
    ws = ['none', 'normal', 'no-repeat', 'nowrap', 'red', 'repeat', 'repeat-x']
    r = trie_regex(ws)
    print(r)
    for w in ws + ['no', 'repea', 'nonee']:
        print(w, bool(re.fullmatch(r, w)))
