// Foundation ships its own ICU; libxml2's ICU-enabled headers declare
// conflicting types. Read the version header first, switch ICU off, then
// include the rest.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>
