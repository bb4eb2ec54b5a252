import { createRequire as __kvmlintCreateRequire } from 'node:module'; const require = __kvmlintCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/xmlchars/xml/1.0/ed5.js
var require_ed5 = __commonJS({
  "node_modules/xmlchars/xml/1.0/ed5.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "	\n\r -\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB2 = 9;
    var NL = 10;
    var CR2 = 13;
    var SPACE2 = 32;
    exports.S_LIST = [SPACE2, NL, CR2, TAB2];
    function isChar(c) {
      return c >= SPACE2 && c <= 55295 || c === NL || c === CR2 || c === TAB2 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isS(c) {
      return c === SPACE2 || c === NL || c === CR2 || c === TAB2;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar2(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar2;
  }
});

// node_modules/xmlchars/xml/1.1/ed2.js
var require_ed2 = __commonJS({
  "node_modules/xmlchars/xml/1.1/ed2.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.RESTRICTED_CHAR = "-\b\v\f-\x7F-\x84\x86-\x9F";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.RESTRICTED_CHAR_RE = new RegExp("^[" + exports.RESTRICTED_CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB2 = 9;
    var NL = 10;
    var CR2 = 13;
    var SPACE2 = 32;
    exports.S_LIST = [SPACE2, NL, CR2, TAB2];
    function isChar(c) {
      return c >= 1 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isRestrictedChar(c) {
      return c >= 1 && c <= 8 || c === 11 || c === 12 || c >= 14 && c <= 31 || c >= 127 && c <= 132 || c >= 134 && c <= 159;
    }
    exports.isRestrictedChar = isRestrictedChar;
    function isCharAndNotRestricted(c) {
      return c === 9 || c === 10 || c === 13 || c > 31 && c < 127 || c === 133 || c > 159 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isCharAndNotRestricted = isCharAndNotRestricted;
    function isS(c) {
      return c === SPACE2 || c === NL || c === CR2 || c === TAB2;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar2(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar2;
  }
});

// node_modules/xmlchars/xmlns/1.0/ed3.js
var require_ed3 = __commonJS({
  "node_modules/xmlchars/xmlns/1.0/ed3.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NC_NAME_START_CHAR = "A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NC_NAME_CHAR = "-" + exports.NC_NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.NC_NAME_START_CHAR_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "]$", "u");
    exports.NC_NAME_CHAR_RE = new RegExp("^[" + exports.NC_NAME_CHAR + "]$", "u");
    exports.NC_NAME_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "][" + exports.NC_NAME_CHAR + "]*$", "u");
    function isNCNameStartChar(c) {
      return c >= 65 && c <= 90 || c === 95 || c >= 97 && c <= 122 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8204 && c <= 8205 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNCNameStartChar = isNCNameStartChar;
    function isNCNameChar(c) {
      return isNCNameStartChar(c) || (c === 45 || c === 46 || c >= 48 && c <= 57 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256);
    }
    exports.isNCNameChar = isNCNameChar;
  }
});

// node_modules/saxes/saxes.js
var require_saxes = __commonJS({
  "node_modules/saxes/saxes.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SaxesParser = exports.EVENTS = void 0;
    var ed5 = require_ed5();
    var ed2 = require_ed2();
    var NSed3 = require_ed3();
    var isS = ed5.isS;
    var isChar10 = ed5.isChar;
    var isNameStartChar = ed5.isNameStartChar;
    var isNameChar2 = ed5.isNameChar;
    var S_LIST = ed5.S_LIST;
    var NAME_RE = ed5.NAME_RE;
    var isChar11 = ed2.isChar;
    var isNCNameStartChar = NSed3.isNCNameStartChar;
    var isNCNameChar = NSed3.isNCNameChar;
    var NC_NAME_RE = NSed3.NC_NAME_RE;
    var XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    var XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
    var rootNS = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      xml: XML_NAMESPACE,
      xmlns: XMLNS_NAMESPACE
    };
    var XML_ENTITIES = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      amp: "&",
      gt: ">",
      lt: "<",
      quot: '"',
      apos: "'"
    };
    var EOC = -1;
    var NL_LIKE = -2;
    var S_BEGIN = 0;
    var S_BEGIN_WHITESPACE = 1;
    var S_DOCTYPE = 2;
    var S_DOCTYPE_QUOTE = 3;
    var S_DTD = 4;
    var S_DTD_QUOTED = 5;
    var S_DTD_OPEN_WAKA = 6;
    var S_DTD_OPEN_WAKA_BANG = 7;
    var S_DTD_COMMENT = 8;
    var S_DTD_COMMENT_ENDING = 9;
    var S_DTD_COMMENT_ENDED = 10;
    var S_DTD_PI = 11;
    var S_DTD_PI_ENDING = 12;
    var S_TEXT = 13;
    var S_ENTITY2 = 14;
    var S_OPEN_WAKA = 15;
    var S_OPEN_WAKA_BANG = 16;
    var S_COMMENT = 17;
    var S_COMMENT_ENDING = 18;
    var S_COMMENT_ENDED = 19;
    var S_CDATA = 20;
    var S_CDATA_ENDING = 21;
    var S_CDATA_ENDING_2 = 22;
    var S_PI_FIRST_CHAR = 23;
    var S_PI_REST = 24;
    var S_PI_BODY = 25;
    var S_PI_ENDING = 26;
    var S_XML_DECL_NAME_START = 27;
    var S_XML_DECL_NAME = 28;
    var S_XML_DECL_EQ = 29;
    var S_XML_DECL_VALUE_START = 30;
    var S_XML_DECL_VALUE = 31;
    var S_XML_DECL_SEPARATOR = 32;
    var S_XML_DECL_ENDING = 33;
    var S_OPEN_TAG = 34;
    var S_OPEN_TAG_SLASH = 35;
    var S_ATTRIB = 36;
    var S_ATTRIB_NAME = 37;
    var S_ATTRIB_NAME_SAW_WHITE = 38;
    var S_ATTRIB_VALUE = 39;
    var S_ATTRIB_VALUE_QUOTED2 = 40;
    var S_ATTRIB_VALUE_CLOSED = 41;
    var S_ATTRIB_VALUE_UNQUOTED = 42;
    var S_CLOSE_TAG = 43;
    var S_CLOSE_TAG_SAW_WHITE = 44;
    var TAB2 = 9;
    var NL = 10;
    var CR2 = 13;
    var SPACE2 = 32;
    var BANG = 33;
    var DQUOTE = 34;
    var AMP2 = 38;
    var SQUOTE = 39;
    var MINUS2 = 45;
    var FORWARD_SLASH = 47;
    var SEMICOLON = 59;
    var LESS = 60;
    var EQUAL = 61;
    var GREATER = 62;
    var QUESTION = 63;
    var OPEN_BRACKET = 91;
    var CLOSE_BRACKET = 93;
    var NEL = 133;
    var LS = 8232;
    var isQuote = (c) => c === DQUOTE || c === SQUOTE;
    var QUOTES = [DQUOTE, SQUOTE];
    var DOCTYPE_TERMINATOR = [...QUOTES, OPEN_BRACKET, GREATER];
    var DTD_TERMINATOR = [...QUOTES, LESS, CLOSE_BRACKET];
    var XML_DECL_NAME_TERMINATOR = [EQUAL, QUESTION, ...S_LIST];
    var ATTRIB_VALUE_UNQUOTED_TERMINATOR = [...S_LIST, GREATER, AMP2, LESS];
    function nsPairCheck(parser, prefix, uri) {
      switch (prefix) {
        case "xml":
          if (uri !== XML_NAMESPACE) {
            parser.fail(`xml prefix must be bound to ${XML_NAMESPACE}.`);
          }
          break;
        case "xmlns":
          if (uri !== XMLNS_NAMESPACE) {
            parser.fail(`xmlns prefix must be bound to ${XMLNS_NAMESPACE}.`);
          }
          break;
        default:
      }
      switch (uri) {
        case XMLNS_NAMESPACE:
          parser.fail(prefix === "" ? `the default namespace may not be set to ${uri}.` : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NAMESPACE}.`);
          break;
        case XML_NAMESPACE:
          switch (prefix) {
            case "xml":
              break;
            case "":
              parser.fail(`the default namespace may not be set to ${uri}.`);
              break;
            default:
              parser.fail("may not assign the xml namespace to another prefix.");
          }
          break;
        default:
      }
    }
    function nsMappingCheck(parser, mapping) {
      for (const local of Object.keys(mapping)) {
        nsPairCheck(parser, local, mapping[local]);
      }
    }
    var isNCName = (name) => NC_NAME_RE.test(name);
    var isName = (name) => NAME_RE.test(name);
    var FORBIDDEN_START = 0;
    var FORBIDDEN_BRACKET = 1;
    var FORBIDDEN_BRACKET_BRACKET = 2;
    exports.EVENTS = [
      "xmldecl",
      "text",
      "processinginstruction",
      "doctype",
      "comment",
      "opentagstart",
      "attribute",
      "opentag",
      "closetag",
      "cdata",
      "error",
      "end",
      "ready"
    ];
    var EVENT_NAME_TO_HANDLER_NAME = {
      xmldecl: "xmldeclHandler",
      text: "textHandler",
      processinginstruction: "piHandler",
      doctype: "doctypeHandler",
      comment: "commentHandler",
      opentagstart: "openTagStartHandler",
      attribute: "attributeHandler",
      opentag: "openTagHandler",
      closetag: "closeTagHandler",
      cdata: "cdataHandler",
      error: "errorHandler",
      end: "endHandler",
      ready: "readyHandler"
    };
    var SaxesParser2 = class {
      /**
       * @param opt The parser options.
       */
      constructor(opt) {
        this.opt = opt !== null && opt !== void 0 ? opt : {};
        this.fragmentOpt = !!this.opt.fragment;
        const xmlnsOpt = this.xmlnsOpt = !!this.opt.xmlns;
        this.trackPosition = this.opt.position !== false;
        this.fileName = this.opt.fileName;
        if (xmlnsOpt) {
          this.nameStartCheck = isNCNameStartChar;
          this.nameCheck = isNCNameChar;
          this.isName = isNCName;
          this.processAttribs = this.processAttribsNS;
          this.pushAttrib = this.pushAttribNS;
          this.ns = Object.assign({ __proto__: null }, rootNS);
          const additional = this.opt.additionalNamespaces;
          if (additional != null) {
            nsMappingCheck(this, additional);
            Object.assign(this.ns, additional);
          }
        } else {
          this.nameStartCheck = isNameStartChar;
          this.nameCheck = isNameChar2;
          this.isName = isName;
          this.processAttribs = this.processAttribsPlain;
          this.pushAttrib = this.pushAttribPlain;
        }
        this.stateTable = [
          /* eslint-disable @typescript-eslint/unbound-method */
          this.sBegin,
          this.sBeginWhitespace,
          this.sDoctype,
          this.sDoctypeQuote,
          this.sDTD,
          this.sDTDQuoted,
          this.sDTDOpenWaka,
          this.sDTDOpenWakaBang,
          this.sDTDComment,
          this.sDTDCommentEnding,
          this.sDTDCommentEnded,
          this.sDTDPI,
          this.sDTDPIEnding,
          this.sText,
          this.sEntity,
          this.sOpenWaka,
          this.sOpenWakaBang,
          this.sComment,
          this.sCommentEnding,
          this.sCommentEnded,
          this.sCData,
          this.sCDataEnding,
          this.sCDataEnding2,
          this.sPIFirstChar,
          this.sPIRest,
          this.sPIBody,
          this.sPIEnding,
          this.sXMLDeclNameStart,
          this.sXMLDeclName,
          this.sXMLDeclEq,
          this.sXMLDeclValueStart,
          this.sXMLDeclValue,
          this.sXMLDeclSeparator,
          this.sXMLDeclEnding,
          this.sOpenTag,
          this.sOpenTagSlash,
          this.sAttrib,
          this.sAttribName,
          this.sAttribNameSawWhite,
          this.sAttribValue,
          this.sAttribValueQuoted,
          this.sAttribValueClosed,
          this.sAttribValueUnquoted,
          this.sCloseTag,
          this.sCloseTagSawWhite
          /* eslint-enable @typescript-eslint/unbound-method */
        ];
        this._init();
      }
      /**
       * Indicates whether or not the parser is closed. If ``true``, wait for
       * the ``ready`` event to write again.
       */
      get closed() {
        return this._closed;
      }
      _init() {
        var _a;
        this.openWakaBang = "";
        this.text = "";
        this.name = "";
        this.piTarget = "";
        this.entity = "";
        this.q = null;
        this.tags = [];
        this.tag = null;
        this.topNS = null;
        this.chunk = "";
        this.chunkPosition = 0;
        this.i = 0;
        this.prevI = 0;
        this.carriedFromPrevious = void 0;
        this.forbiddenState = FORBIDDEN_START;
        this.attribList = [];
        const { fragmentOpt } = this;
        this.state = fragmentOpt ? S_TEXT : S_BEGIN;
        this.reportedTextBeforeRoot = this.reportedTextAfterRoot = this.closedRoot = this.sawRoot = fragmentOpt;
        this.xmlDeclPossible = !fragmentOpt;
        this.xmlDeclExpects = ["version"];
        this.entityReturnState = void 0;
        let { defaultXMLVersion } = this.opt;
        if (defaultXMLVersion === void 0) {
          if (this.opt.forceXMLVersion === true) {
            throw new Error("forceXMLVersion set but defaultXMLVersion is not set");
          }
          defaultXMLVersion = "1.0";
        }
        this.setXMLVersion(defaultXMLVersion);
        this.positionAtNewLine = 0;
        this.doctype = false;
        this._closed = false;
        this.xmlDecl = {
          version: void 0,
          encoding: void 0,
          standalone: void 0
        };
        this.line = 1;
        this.column = 0;
        this.ENTITIES = Object.create(XML_ENTITIES);
        (_a = this.readyHandler) === null || _a === void 0 ? void 0 : _a.call(this);
      }
      /**
       * The stream position the parser is currently looking at. This field is
       * zero-based.
       *
       * This field is not based on counting Unicode characters but is to be
       * interpreted as a plain index into a JavaScript string.
       */
      get position() {
        return this.chunkPosition + this.i;
      }
      /**
       * The column number of the next character to be read by the parser.  *
       * This field is zero-based. (The first column in a line is 0.)
       *
       * This field reports the index at which the next character would be in the
       * line if the line were represented as a JavaScript string.  Note that this
       * *can* be different to a count based on the number of *Unicode characters*
       * due to how JavaScript handles astral plane characters.
       *
       * See [[column]] for a number that corresponds to a count of Unicode
       * characters.
       */
      get columnIndex() {
        return this.position - this.positionAtNewLine;
      }
      /**
       * Set an event listener on an event. The parser supports one handler per
       * event type. If you try to set an event handler over an existing handler,
       * the old handler is silently overwritten.
       *
       * @param name The event to listen to.
       *
       * @param handler The handler to set.
       */
      on(name, handler) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = handler;
      }
      /**
       * Unset an event handler.
       *
       * @parma name The event to stop listening to.
       */
      off(name) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = void 0;
      }
      /**
       * Make an error object. The error object will have a message that contains
       * the ``fileName`` option passed at the creation of the parser. If position
       * tracking was turned on, it will also have line and column number
       * information.
       *
       * @param message The message describing the error to report.
       *
       * @returns An error object with a properly formatted message.
       */
      makeError(message) {
        var _a;
        let msg = (_a = this.fileName) !== null && _a !== void 0 ? _a : "";
        if (this.trackPosition) {
          if (msg.length > 0) {
            msg += ":";
          }
          msg += `${this.line}:${this.column}`;
        }
        if (msg.length > 0) {
          msg += ": ";
        }
        return new Error(msg + message);
      }
      /**
       * Report a parsing error. This method is made public so that client code may
       * check for issues that are outside the scope of this project and can report
       * errors.
       *
       * @param message The error to report.
       *
       * @returns this
       */
      fail(message) {
        const err = this.makeError(message);
        const handler = this.errorHandler;
        if (handler === void 0) {
          throw err;
        } else {
          handler(err);
        }
        return this;
      }
      /**
       * Write a XML data to the parser.
       *
       * @param chunk The XML data to write.
       *
       * @returns this
       */
      // We do need object for the type here. Yes, it often causes problems
      // but not in this case.
      write(chunk) {
        if (this.closed) {
          return this.fail("cannot write after close; assign an onready handler.");
        }
        let end = false;
        if (chunk === null) {
          end = true;
          chunk = "";
        } else if (typeof chunk === "object") {
          chunk = chunk.toString();
        }
        if (this.carriedFromPrevious !== void 0) {
          chunk = `${this.carriedFromPrevious}${chunk}`;
          this.carriedFromPrevious = void 0;
        }
        let limit = chunk.length;
        const lastCode = chunk.charCodeAt(limit - 1);
        if (!end && // A trailing CR or surrogate must be carried over to the next
        // chunk.
        (lastCode === CR2 || lastCode >= 55296 && lastCode <= 56319)) {
          this.carriedFromPrevious = chunk[limit - 1];
          limit--;
          chunk = chunk.slice(0, limit);
        }
        const { stateTable } = this;
        this.chunk = chunk;
        this.i = 0;
        while (this.i < limit) {
          stateTable[this.state].call(this);
        }
        this.chunkPosition += limit;
        return end ? this.end() : this;
      }
      /**
       * Close the current stream. Perform final well-formedness checks and reset
       * the parser tstate.
       *
       * @returns this
       */
      close() {
        return this.write(null);
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.0.
       *
       * @returns The character read.
       */
      getCode10() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code >= SPACE2 || code === TAB2) {
            return code;
          }
          switch (code) {
            case NL:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL;
            case CR2:
              if (chunk.charCodeAt(i + 1) === NL) {
                this.i = i + 2;
              }
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.1.
       *
       * @returns {number} The character read.
       */
      getCode11() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code > 31 && code < 127 || code > 159 && code !== LS || code === TAB2) {
            return code;
          }
          switch (code) {
            case NL:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL;
            case CR2: {
              const next = chunk.charCodeAt(i + 1);
              if (next === NL || next === NEL) {
                this.i = i + 2;
              }
            }
            /* yes, fall through */
            case NEL:
            // 0x85
            case LS:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Like ``getCode`` but with the return value normalized so that ``NL`` is
       * returned for ``NL_LIKE``.
       */
      getCodeNorm() {
        const c = this.getCode();
        return c === NL_LIKE ? NL : c;
      }
      unget() {
        this.i = this.prevI;
        this.column--;
      }
      /**
       * Capture characters into a buffer until encountering one of a set of
       * characters.
       *
       * @param chars An array of codepoints. Encountering a character in the array
       * ends the capture. (``chars`` may safely contain ``NL``.)
       *
       * @return The character code that made the capture end, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureTo(chars) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          const c = this.getCode();
          const isNLLike = c === NL_LIKE;
          const final = isNLLike ? NL : c;
          if (final === EOC || chars.includes(final)) {
            this.text += chunk.slice(start, this.prevI);
            return final;
          }
          if (isNLLike) {
            this.text += `${chunk.slice(start, this.prevI)}
`;
            start = this.i;
          }
        }
      }
      /**
       * Capture characters into a buffer until encountering a character.
       *
       * @param char The codepoint that ends the capture. **NOTE ``char`` MAY NOT
       * CONTAIN ``NL``.** Passing ``NL`` will result in buggy behavior.
       *
       * @return ``true`` if we ran into the character. Otherwise, we ran into the
       * end of the current chunk.
       */
      captureToChar(char) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          let c = this.getCode();
          switch (c) {
            case NL_LIKE:
              this.text += `${chunk.slice(start, this.prevI)}
`;
              start = this.i;
              c = NL;
              break;
            case EOC:
              this.text += chunk.slice(start);
              return false;
            default:
          }
          if (c === char) {
            this.text += chunk.slice(start, this.prevI);
            return true;
          }
        }
      }
      /**
       * Capture characters that satisfy ``isNameChar`` into the ``name`` field of
       * this parser.
       *
       * @return The character code that made the test fail, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureNameChars() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCode();
          if (c === EOC) {
            this.name += chunk.slice(start);
            return EOC;
          }
          if (!isNameChar2(c)) {
            this.name += chunk.slice(start, this.prevI);
            return c === NL_LIKE ? NL : c;
          }
        }
      }
      /**
       * Skip white spaces.
       *
       * @return The character that ended the skip, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      skipSpaces() {
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC || !isS(c)) {
            return c;
          }
        }
      }
      setXMLVersion(version) {
        this.currentXMLVersion = version;
        if (version === "1.0") {
          this.isChar = isChar10;
          this.getCode = this.getCode10;
        } else {
          this.isChar = isChar11;
          this.getCode = this.getCode11;
        }
      }
      // STATE ENGINE METHODS
      // This needs to be a state separate from S_BEGIN_WHITESPACE because we want
      // to be sure never to come back to this state later.
      sBegin() {
        if (this.chunk.charCodeAt(0) === 65279) {
          this.i++;
          this.column++;
        }
        this.state = S_BEGIN_WHITESPACE;
      }
      sBeginWhitespace() {
        const iBefore = this.i;
        const c = this.skipSpaces();
        if (this.prevI !== iBefore) {
          this.xmlDeclPossible = false;
        }
        switch (c) {
          case LESS:
            this.state = S_OPEN_WAKA;
            if (this.text.length !== 0) {
              throw new Error("no-empty text at start");
            }
            break;
          case EOC:
            break;
          default:
            this.unget();
            this.state = S_TEXT;
            this.xmlDeclPossible = false;
        }
      }
      sDoctype() {
        var _a;
        const c = this.captureTo(DOCTYPE_TERMINATOR);
        switch (c) {
          case GREATER: {
            (_a = this.doctypeHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT;
            this.doctype = true;
            break;
          }
          case EOC:
            break;
          default:
            this.text += String.fromCodePoint(c);
            if (c === OPEN_BRACKET) {
              this.state = S_DTD;
            } else if (isQuote(c)) {
              this.state = S_DOCTYPE_QUOTE;
              this.q = c;
            }
        }
      }
      sDoctypeQuote() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.q = null;
          this.state = S_DOCTYPE;
        }
      }
      sDTD() {
        const c = this.captureTo(DTD_TERMINATOR);
        if (c === EOC) {
          return;
        }
        this.text += String.fromCodePoint(c);
        if (c === CLOSE_BRACKET) {
          this.state = S_DOCTYPE;
        } else if (c === LESS) {
          this.state = S_DTD_OPEN_WAKA;
        } else if (isQuote(c)) {
          this.state = S_DTD_QUOTED;
          this.q = c;
        }
      }
      sDTDQuoted() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.state = S_DTD;
          this.q = null;
        }
      }
      sDTDOpenWaka() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        switch (c) {
          case BANG:
            this.state = S_DTD_OPEN_WAKA_BANG;
            this.openWakaBang = "";
            break;
          case QUESTION:
            this.state = S_DTD_PI;
            break;
          default:
            this.state = S_DTD;
        }
      }
      sDTDOpenWakaBang() {
        const char = String.fromCodePoint(this.getCodeNorm());
        const owb = this.openWakaBang += char;
        this.text += char;
        if (owb !== "-") {
          this.state = owb === "--" ? S_DTD_COMMENT : S_DTD;
          this.openWakaBang = "";
        }
      }
      sDTDComment() {
        if (this.captureToChar(MINUS2)) {
          this.text += "-";
          this.state = S_DTD_COMMENT_ENDING;
        }
      }
      sDTDCommentEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        this.state = c === MINUS2 ? S_DTD_COMMENT_ENDED : S_DTD_COMMENT;
      }
      sDTDCommentEnded() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
          this.state = S_DTD;
        } else {
          this.fail("malformed comment.");
          this.state = S_DTD_COMMENT;
        }
      }
      sDTDPI() {
        if (this.captureToChar(QUESTION)) {
          this.text += "?";
          this.state = S_DTD_PI_ENDING;
        }
      }
      sDTDPIEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER) {
          this.state = S_DTD;
        }
      }
      sText() {
        if (this.tags.length !== 0) {
          this.handleTextInRoot();
        } else {
          this.handleTextOutsideRoot();
        }
      }
      sEntity() {
        let { i: start } = this;
        const { chunk } = this;
        loop:
          while (true) {
            switch (this.getCode()) {
              case NL_LIKE:
                this.entity += `${chunk.slice(start, this.prevI)}
`;
                start = this.i;
                break;
              case SEMICOLON: {
                const { entityReturnState } = this;
                const entity = this.entity + chunk.slice(start, this.prevI);
                this.state = entityReturnState;
                let parsed;
                if (entity === "") {
                  this.fail("empty entity name.");
                  parsed = "&;";
                } else {
                  parsed = this.parseEntity(entity);
                  this.entity = "";
                }
                if (entityReturnState !== S_TEXT || this.textHandler !== void 0) {
                  this.text += parsed;
                }
                break loop;
              }
              case EOC:
                this.entity += chunk.slice(start);
                break loop;
              default:
            }
          }
      }
      sOpenWaka() {
        const c = this.getCode();
        if (isNameStartChar(c)) {
          this.state = S_OPEN_TAG;
          this.unget();
          this.xmlDeclPossible = false;
        } else {
          switch (c) {
            case FORWARD_SLASH:
              this.state = S_CLOSE_TAG;
              this.xmlDeclPossible = false;
              break;
            case BANG:
              this.state = S_OPEN_WAKA_BANG;
              this.openWakaBang = "";
              this.xmlDeclPossible = false;
              break;
            case QUESTION:
              this.state = S_PI_FIRST_CHAR;
              break;
            default:
              this.fail("disallowed character in tag name");
              this.state = S_TEXT;
              this.xmlDeclPossible = false;
          }
        }
      }
      sOpenWakaBang() {
        this.openWakaBang += String.fromCodePoint(this.getCodeNorm());
        switch (this.openWakaBang) {
          case "[CDATA[":
            if (!this.sawRoot && !this.reportedTextBeforeRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextBeforeRoot = true;
            }
            if (this.closedRoot && !this.reportedTextAfterRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextAfterRoot = true;
            }
            this.state = S_CDATA;
            this.openWakaBang = "";
            break;
          case "--":
            this.state = S_COMMENT;
            this.openWakaBang = "";
            break;
          case "DOCTYPE":
            this.state = S_DOCTYPE;
            if (this.doctype || this.sawRoot) {
              this.fail("inappropriately located doctype declaration.");
            }
            this.openWakaBang = "";
            break;
          default:
            if (this.openWakaBang.length >= 7) {
              this.fail("incorrect syntax.");
            }
        }
      }
      sComment() {
        if (this.captureToChar(MINUS2)) {
          this.state = S_COMMENT_ENDING;
        }
      }
      sCommentEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === MINUS2) {
          this.state = S_COMMENT_ENDED;
          (_a = this.commentHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
          this.text = "";
        } else {
          this.text += `-${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        }
      }
      sCommentEnded() {
        const c = this.getCodeNorm();
        if (c !== GREATER) {
          this.fail("malformed comment.");
          this.text += `--${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        } else {
          this.state = S_TEXT;
        }
      }
      sCData() {
        if (this.captureToChar(CLOSE_BRACKET)) {
          this.state = S_CDATA_ENDING;
        }
      }
      sCDataEnding() {
        const c = this.getCodeNorm();
        if (c === CLOSE_BRACKET) {
          this.state = S_CDATA_ENDING_2;
        } else {
          this.text += `]${String.fromCodePoint(c)}`;
          this.state = S_CDATA;
        }
      }
      sCDataEnding2() {
        var _a;
        const c = this.getCodeNorm();
        switch (c) {
          case GREATER: {
            (_a = this.cdataHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT;
            break;
          }
          case CLOSE_BRACKET:
            this.text += "]";
            break;
          default:
            this.text += `]]${String.fromCodePoint(c)}`;
            this.state = S_CDATA;
        }
      }
      // We need this separate state to check the first character fo the pi target
      // with this.nameStartCheck which allows less characters than this.nameCheck.
      sPIFirstChar() {
        const c = this.getCodeNorm();
        if (this.nameStartCheck(c)) {
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        } else if (c === QUESTION || isS(c)) {
          this.fail("processing instruction without a target.");
          this.state = c === QUESTION ? S_PI_ENDING : S_PI_BODY;
        } else {
          this.fail("disallowed character in processing instruction name.");
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        }
      }
      sPIRest() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC) {
            this.piTarget += chunk.slice(start);
            return;
          }
          if (!this.nameCheck(c)) {
            this.piTarget += chunk.slice(start, this.prevI);
            const isQuestion = c === QUESTION;
            if (isQuestion || isS(c)) {
              if (this.piTarget === "xml") {
                if (!this.xmlDeclPossible) {
                  this.fail("an XML declaration must be at the start of the document.");
                }
                this.state = isQuestion ? S_XML_DECL_ENDING : S_XML_DECL_NAME_START;
              } else {
                this.state = isQuestion ? S_PI_ENDING : S_PI_BODY;
              }
            } else {
              this.fail("disallowed character in processing instruction name.");
              this.piTarget += String.fromCodePoint(c);
            }
            break;
          }
        }
      }
      sPIBody() {
        if (this.text.length === 0) {
          const c = this.getCodeNorm();
          if (c === QUESTION) {
            this.state = S_PI_ENDING;
          } else if (!isS(c)) {
            this.text = String.fromCodePoint(c);
          }
        } else if (this.captureToChar(QUESTION)) {
          this.state = S_PI_ENDING;
        }
      }
      sPIEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
          const { piTarget } = this;
          if (piTarget.toLowerCase() === "xml") {
            this.fail("the XML declaration must appear at the start of the document.");
          }
          (_a = this.piHandler) === null || _a === void 0 ? void 0 : _a.call(this, {
            target: piTarget,
            body: this.text
          });
          this.piTarget = this.text = "";
          this.state = S_TEXT;
        } else if (c === QUESTION) {
          this.text += "?";
        } else {
          this.text += `?${String.fromCodePoint(c)}`;
          this.state = S_PI_BODY;
        }
        this.xmlDeclPossible = false;
      }
      sXMLDeclNameStart() {
        const c = this.skipSpaces();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (c !== EOC) {
          this.state = S_XML_DECL_NAME;
          this.name = String.fromCodePoint(c);
        }
      }
      sXMLDeclName() {
        const c = this.captureTo(XML_DECL_NAME_TERMINATOR);
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.name += this.text;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (!(isS(c) || c === EQUAL)) {
          return;
        }
        this.name += this.text;
        this.text = "";
        if (!this.xmlDeclExpects.includes(this.name)) {
          switch (this.name.length) {
            case 0:
              this.fail("did not expect any more name/value pairs.");
              break;
            case 1:
              this.fail(`expected the name ${this.xmlDeclExpects[0]}.`);
              break;
            default:
              this.fail(`expected one of ${this.xmlDeclExpects.join(", ")}`);
          }
        }
        this.state = c === EQUAL ? S_XML_DECL_VALUE_START : S_XML_DECL_EQ;
      }
      sXMLDeclEq() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (c !== EQUAL) {
          this.fail("value required.");
        }
        this.state = S_XML_DECL_VALUE_START;
      }
      sXMLDeclValueStart() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (!isQuote(c)) {
          this.fail("value must be quoted.");
          this.q = SPACE2;
        } else {
          this.q = c;
        }
        this.state = S_XML_DECL_VALUE;
      }
      sXMLDeclValue() {
        const c = this.captureTo([this.q, QUESTION]);
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (c === EOC) {
          return;
        }
        const value = this.text;
        this.text = "";
        switch (this.name) {
          case "version": {
            this.xmlDeclExpects = ["encoding", "standalone"];
            const version = value;
            this.xmlDecl.version = version;
            if (!/^1\.[0-9]+$/.test(version)) {
              this.fail("version number must match /^1\\.[0-9]+$/.");
            } else if (!this.opt.forceXMLVersion) {
              this.setXMLVersion(version);
            }
            break;
          }
          case "encoding":
            if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) {
              this.fail("encoding value must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/.");
            }
            this.xmlDeclExpects = ["standalone"];
            this.xmlDecl.encoding = value;
            break;
          case "standalone":
            if (value !== "yes" && value !== "no") {
              this.fail('standalone value must match "yes" or "no".');
            }
            this.xmlDeclExpects = [];
            this.xmlDecl.standalone = value;
            break;
          default:
        }
        this.name = "";
        this.state = S_XML_DECL_SEPARATOR;
      }
      sXMLDeclSeparator() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (!isS(c)) {
          this.fail("whitespace required.");
          this.unget();
        }
        this.state = S_XML_DECL_NAME_START;
      }
      sXMLDeclEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER) {
          if (this.piTarget !== "xml") {
            this.fail("processing instructions are not allowed before root.");
          } else if (this.name !== "version" && this.xmlDeclExpects.includes("version")) {
            this.fail("XML declaration must contain a version.");
          }
          (_a = this.xmldeclHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.xmlDecl);
          this.name = "";
          this.piTarget = this.text = "";
          this.state = S_TEXT;
        } else {
          this.fail("The character ? is disallowed anywhere in XML declarations.");
        }
        this.xmlDeclPossible = false;
      }
      sOpenTag() {
        var _a;
        const c = this.captureNameChars();
        if (c === EOC) {
          return;
        }
        const tag = this.tag = {
          name: this.name,
          attributes: /* @__PURE__ */ Object.create(null)
        };
        this.name = "";
        if (this.xmlnsOpt) {
          this.topNS = tag.ns = /* @__PURE__ */ Object.create(null);
        }
        (_a = this.openTagStartHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        this.sawRoot = true;
        if (!this.fragmentOpt && this.closedRoot) {
          this.fail("documents may contain only one root.");
        }
        switch (c) {
          case GREATER:
            this.openTag();
            break;
          case FORWARD_SLASH:
            this.state = S_OPEN_TAG_SLASH;
            break;
          default:
            if (!isS(c)) {
              this.fail("disallowed character in tag name.");
            }
            this.state = S_ATTRIB;
        }
      }
      sOpenTagSlash() {
        if (this.getCode() === GREATER) {
          this.openSelfClosingTag();
        } else {
          this.fail("forward-slash in opening tag not followed by >.");
          this.state = S_ATTRIB;
        }
      }
      sAttrib() {
        const c = this.skipSpaces();
        if (c === EOC) {
          return;
        }
        if (isNameStartChar(c)) {
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else if (c === GREATER) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribName() {
        const c = this.captureNameChars();
        if (c === EQUAL) {
          this.state = S_ATTRIB_VALUE;
        } else if (isS(c)) {
          this.state = S_ATTRIB_NAME_SAW_WHITE;
        } else if (c === GREATER) {
          this.fail("attribute without value.");
          this.pushAttrib(this.name, this.name);
          this.name = this.text = "";
          this.openTag();
        } else if (c !== EOC) {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribNameSawWhite() {
        const c = this.skipSpaces();
        switch (c) {
          case EOC:
            return;
          case EQUAL:
            this.state = S_ATTRIB_VALUE;
            break;
          default:
            this.fail("attribute without value.");
            this.text = "";
            this.name = "";
            if (c === GREATER) {
              this.openTag();
            } else if (isNameStartChar(c)) {
              this.unget();
              this.state = S_ATTRIB_NAME;
            } else {
              this.fail("disallowed character in attribute name.");
              this.state = S_ATTRIB;
            }
        }
      }
      sAttribValue() {
        const c = this.getCodeNorm();
        if (isQuote(c)) {
          this.q = c;
          this.state = S_ATTRIB_VALUE_QUOTED2;
        } else if (!isS(c)) {
          this.fail("unquoted attribute value.");
          this.state = S_ATTRIB_VALUE_UNQUOTED;
          this.unget();
        }
      }
      sAttribValueQuoted() {
        const { q, chunk } = this;
        let { i: start } = this;
        while (true) {
          switch (this.getCode()) {
            case q:
              this.pushAttrib(this.name, this.text + chunk.slice(start, this.prevI));
              this.name = this.text = "";
              this.q = null;
              this.state = S_ATTRIB_VALUE_CLOSED;
              return;
            case AMP2:
              this.text += chunk.slice(start, this.prevI);
              this.state = S_ENTITY2;
              this.entityReturnState = S_ATTRIB_VALUE_QUOTED2;
              return;
            case NL:
            case NL_LIKE:
            case TAB2:
              this.text += `${chunk.slice(start, this.prevI)} `;
              start = this.i;
              break;
            case LESS:
              this.text += chunk.slice(start, this.prevI);
              this.fail("disallowed character.");
              return;
            case EOC:
              this.text += chunk.slice(start);
              return;
            default:
          }
        }
      }
      sAttribValueClosed() {
        const c = this.getCodeNorm();
        if (isS(c)) {
          this.state = S_ATTRIB;
        } else if (c === GREATER) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else if (isNameStartChar(c)) {
          this.fail("no whitespace between attributes.");
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribValueUnquoted() {
        const c = this.captureTo(ATTRIB_VALUE_UNQUOTED_TERMINATOR);
        switch (c) {
          case AMP2:
            this.state = S_ENTITY2;
            this.entityReturnState = S_ATTRIB_VALUE_UNQUOTED;
            break;
          case LESS:
            this.fail("disallowed character.");
            break;
          case EOC:
            break;
          default:
            if (this.text.includes("]]>")) {
              this.fail('the string "]]>" is disallowed in char data.');
            }
            this.pushAttrib(this.name, this.text);
            this.name = this.text = "";
            if (c === GREATER) {
              this.openTag();
            } else {
              this.state = S_ATTRIB;
            }
        }
      }
      sCloseTag() {
        const c = this.captureNameChars();
        if (c === GREATER) {
          this.closeTag();
        } else if (isS(c)) {
          this.state = S_CLOSE_TAG_SAW_WHITE;
        } else if (c !== EOC) {
          this.fail("disallowed character in closing tag.");
        }
      }
      sCloseTagSawWhite() {
        switch (this.skipSpaces()) {
          case GREATER:
            this.closeTag();
            break;
          case EOC:
            break;
          default:
            this.fail("disallowed character in closing tag.");
        }
      }
      // END OF STATE ENGINE METHODS
      handleTextInRoot() {
        let { i: start, forbiddenState } = this;
        const { chunk, textHandler: handler } = this;
        scanLoop:
          while (true) {
            switch (this.getCode()) {
              case LESS: {
                this.state = S_OPEN_WAKA;
                if (handler !== void 0) {
                  const { text } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text.length !== 0) {
                    handler(text + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                forbiddenState = FORBIDDEN_START;
                break scanLoop;
              }
              case AMP2:
                this.state = S_ENTITY2;
                this.entityReturnState = S_TEXT;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                forbiddenState = FORBIDDEN_START;
                break scanLoop;
              case CLOSE_BRACKET:
                switch (forbiddenState) {
                  case FORBIDDEN_START:
                    forbiddenState = FORBIDDEN_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET:
                    forbiddenState = FORBIDDEN_BRACKET_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET_BRACKET:
                    break;
                  default:
                    throw new Error("impossible state");
                }
                break;
              case GREATER:
                if (forbiddenState === FORBIDDEN_BRACKET_BRACKET) {
                  this.fail('the string "]]>" is disallowed in char data.');
                }
                forbiddenState = FORBIDDEN_START;
                break;
              case NL_LIKE:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                forbiddenState = FORBIDDEN_START;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break scanLoop;
              default:
                forbiddenState = FORBIDDEN_START;
            }
          }
        this.forbiddenState = forbiddenState;
      }
      handleTextOutsideRoot() {
        let { i: start } = this;
        const { chunk, textHandler: handler } = this;
        let nonSpace = false;
        outRootLoop:
          while (true) {
            const code = this.getCode();
            switch (code) {
              case LESS: {
                this.state = S_OPEN_WAKA;
                if (handler !== void 0) {
                  const { text } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text.length !== 0) {
                    handler(text + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                break outRootLoop;
              }
              case AMP2:
                this.state = S_ENTITY2;
                this.entityReturnState = S_TEXT;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                nonSpace = true;
                break outRootLoop;
              case NL_LIKE:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break outRootLoop;
              default:
                if (!isS(code)) {
                  nonSpace = true;
                }
            }
          }
        if (!nonSpace) {
          return;
        }
        if (!this.sawRoot && !this.reportedTextBeforeRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextBeforeRoot = true;
        }
        if (this.closedRoot && !this.reportedTextAfterRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextAfterRoot = true;
        }
      }
      pushAttribNS(name, value) {
        var _a;
        const { prefix, local } = this.qname(name);
        const attr = { name, prefix, local, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
        if (prefix === "xmlns") {
          const trimmed = value.trim();
          if (this.currentXMLVersion === "1.0" && trimmed === "") {
            this.fail("invalid attempt to undefine prefix in XML 1.0");
          }
          this.topNS[local] = trimmed;
          nsPairCheck(this, local, trimmed);
        } else if (name === "xmlns") {
          const trimmed = value.trim();
          this.topNS[""] = trimmed;
          nsPairCheck(this, "", trimmed);
        }
      }
      pushAttribPlain(name, value) {
        var _a;
        const attr = { name, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
      }
      /**
       * End parsing. This performs final well-formedness checks and resets the
       * parser to a clean state.
       *
       * @returns this
       */
      end() {
        var _a, _b;
        if (!this.sawRoot) {
          this.fail("document must contain a root element.");
        }
        const { tags } = this;
        while (tags.length > 0) {
          const tag = tags.pop();
          this.fail(`unclosed tag: ${tag.name}`);
        }
        if (this.state !== S_BEGIN && this.state !== S_TEXT) {
          this.fail("unexpected end.");
        }
        const { text } = this;
        if (text.length !== 0) {
          (_a = this.textHandler) === null || _a === void 0 ? void 0 : _a.call(this, text);
          this.text = "";
        }
        this._closed = true;
        (_b = this.endHandler) === null || _b === void 0 ? void 0 : _b.call(this);
        this._init();
        return this;
      }
      /**
       * Resolve a namespace prefix.
       *
       * @param prefix The prefix to resolve.
       *
       * @returns The namespace URI or ``undefined`` if the prefix is not defined.
       */
      resolve(prefix) {
        var _a, _b;
        let uri = this.topNS[prefix];
        if (uri !== void 0) {
          return uri;
        }
        const { tags } = this;
        for (let index = tags.length - 1; index >= 0; index--) {
          uri = tags[index].ns[prefix];
          if (uri !== void 0) {
            return uri;
          }
        }
        uri = this.ns[prefix];
        if (uri !== void 0) {
          return uri;
        }
        return (_b = (_a = this.opt).resolvePrefix) === null || _b === void 0 ? void 0 : _b.call(_a, prefix);
      }
      /**
       * Parse a qname into its prefix and local name parts.
       *
       * @param name The name to parse
       *
       * @returns
       */
      qname(name) {
        const colon = name.indexOf(":");
        if (colon === -1) {
          return { prefix: "", local: name };
        }
        const local = name.slice(colon + 1);
        const prefix = name.slice(0, colon);
        if (prefix === "" || local === "" || local.includes(":")) {
          this.fail(`malformed name: ${name}.`);
        }
        return { prefix, local };
      }
      processAttribsNS() {
        var _a;
        const { attribList } = this;
        const tag = this.tag;
        {
          const { prefix, local } = this.qname(tag.name);
          tag.prefix = prefix;
          tag.local = local;
          const uri = tag.uri = (_a = this.resolve(prefix)) !== null && _a !== void 0 ? _a : "";
          if (prefix !== "") {
            if (prefix === "xmlns") {
              this.fail('tags may not have "xmlns" as prefix.');
            }
            if (uri === "") {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              tag.uri = prefix;
            }
          }
        }
        if (attribList.length === 0) {
          return;
        }
        const { attributes } = tag;
        const seen = /* @__PURE__ */ new Set();
        for (const attr of attribList) {
          const { name, prefix, local } = attr;
          let uri;
          let eqname;
          if (prefix === "") {
            uri = name === "xmlns" ? XMLNS_NAMESPACE : "";
            eqname = name;
          } else {
            uri = this.resolve(prefix);
            if (uri === void 0) {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              uri = prefix;
            }
            eqname = `{${uri}}${local}`;
          }
          if (seen.has(eqname)) {
            this.fail(`duplicate attribute: ${eqname}.`);
          }
          seen.add(eqname);
          attr.uri = uri;
          attributes[name] = attr;
        }
        this.attribList = [];
      }
      processAttribsPlain() {
        const { attribList } = this;
        const attributes = this.tag.attributes;
        for (const { name, value } of attribList) {
          if (attributes[name] !== void 0) {
            this.fail(`duplicate attribute: ${name}.`);
          }
          attributes[name] = value;
        }
        this.attribList = [];
      }
      /**
       * Handle a complete open tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onopentag``.
       */
      openTag() {
        var _a;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = false;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        tags.push(tag);
        this.state = S_TEXT;
        this.name = "";
      }
      /**
       * Handle a complete self-closing tag. This parser code calls this once it has
       * seen the whole tag. This method checks for well-formeness and then emits
       * ``onopentag`` and ``onclosetag``.
       */
      openSelfClosingTag() {
        var _a, _b, _c;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = true;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        (_b = this.closeTagHandler) === null || _b === void 0 ? void 0 : _b.call(this, tag);
        const top = this.tag = (_c = tags[tags.length - 1]) !== null && _c !== void 0 ? _c : null;
        if (top === null) {
          this.closedRoot = true;
        }
        this.state = S_TEXT;
        this.name = "";
      }
      /**
       * Handle a complete close tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onclosetag``.
       */
      closeTag() {
        const { tags, name } = this;
        this.state = S_TEXT;
        this.name = "";
        if (name === "") {
          this.fail("weird empty close tag.");
          this.text += "</>";
          return;
        }
        const handler = this.closeTagHandler;
        let l = tags.length;
        while (l-- > 0) {
          const tag = this.tag = tags.pop();
          this.topNS = tag.ns;
          handler === null || handler === void 0 ? void 0 : handler(tag);
          if (tag.name === name) {
            break;
          }
          this.fail("unexpected close tag.");
        }
        if (l === 0) {
          this.closedRoot = true;
        } else if (l < 0) {
          this.fail(`unmatched closing tag: ${name}.`);
          this.text += `</${name}>`;
        }
      }
      /**
       * Resolves an entity. Makes any necessary well-formedness checks.
       *
       * @param entity The entity to resolve.
       *
       * @returns The parsed entity.
       */
      parseEntity(entity) {
        if (entity[0] !== "#") {
          const defined = this.ENTITIES[entity];
          if (defined !== void 0) {
            return defined;
          }
          this.fail(this.isName(entity) ? "undefined entity." : "disallowed character in entity name.");
          return `&${entity};`;
        }
        let num = NaN;
        if (entity[1] === "x" && /^#x[0-9a-f]+$/i.test(entity)) {
          num = parseInt(entity.slice(2), 16);
        } else if (/^#[0-9]+$/.test(entity)) {
          num = parseInt(entity.slice(1), 10);
        }
        if (!this.isChar(num)) {
          this.fail("malformed character entity.");
          return `&${entity};`;
        }
        return String.fromCodePoint(num);
      }
    };
    exports.SaxesParser = SaxesParser2;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// src/formats/summary.ts
import { isAbsolute as isAbsolute2, normalize, relative as relative2 } from "node:path";
function shownPath(file) {
  if (file === "") return file;
  return isAbsolute2(file) ? relative2(".", file) || file : normalize(file);
}
function countFindings(diagnostics) {
  const counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const d of diagnostics) {
    if (d.severity === "error") counts.errors++;
    else if (d.severity === "warning") counts.warnings++;
    else counts.infos++;
    if (d.fix) counts.fixable++;
  }
  return counts;
}
function pluralize(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
var init_summary = __esm({
  "src/formats/summary.ts"() {
    "use strict";
  }
});

// src/formats/stylish.ts
function paint(color) {
  const sgr = (open, close) => (s) => color ? `\x1B[${open}m${s}\x1B[${close}m` : s;
  return { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), magenta: sgr(35, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
}
function outputWidth(opts) {
  return Math.max(40, opts.width ?? (process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 120));
}
function wrapWords(text, width) {
  if (text.length <= width) return [text];
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
function isUncheckedNote(d) {
  return d.unchecked === true;
}
function formatStylish(result, opts) {
  const c = paint(opts.color);
  const width = outputWidth(opts);
  const problems = result.diagnostics.filter((d) => !isUncheckedNote(d));
  const notes = result.diagnostics.filter(isUncheckedNote);
  let out = "";
  const bodies = /* @__PURE__ */ new Map();
  for (const [file, list] of groupByFile(problems)) out += formatFileBlock(file, list, width, c, bodies);
  if (problems.length > 0) out += summaryLines(problems, c);
  else out += `${c.green(`\u2714 no problems (${pluralize(result.files.length, "file")} checked)`)}
`;
  if (notes.length > 0) out += notesFooter(notes, width, c);
  return out;
}
function groupByFile(diagnostics) {
  const byFile = /* @__PURE__ */ new Map();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return byFile;
}
function formatFileBlock(file, diagnostics, width, c, bodies = /* @__PURE__ */ new Map()) {
  const list = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const pos = (d) => `${d.line}:${d.column}`;
  const posWidth = Math.max(...list.map((d) => pos(d).length));
  const sevWidth = Math.max(...list.map((d) => d.severity.length));
  const indent = 2 + posWidth + 2 + sevWidth + 2;
  const pad = " ".repeat(indent);
  let out = `
${c.underline(shownPath(file))}
`;
  for (const d of list) {
    const sevColor = d.severity === "error" ? c.red : d.severity === "warning" ? c.yellow : c.cyan;
    const head = `  ${c.dim(pos(d).padEnd(posWidth))}  ${sevColor(d.severity.padEnd(sevWidth))}  `;
    const message = d.fix ? `${d.message} (fixable)` : d.message;
    const room = width - indent;
    const key = `${indent}\0${d.ruleId}\0${message}\0${d.help ?? ""}`;
    let body = bodies.get(key);
    if (body === void 0) {
      const rule = c.magenta(d.ruleId);
      const lines = wrapWords(message, room);
      const last = lines.length - 1;
      if (lines[last].length + 2 + d.ruleId.length <= room) lines[last] = `${lines[last]}  ${rule}`;
      else lines.push(rule);
      body = lines.join(`
${pad}`) + "\n";
      if (d.help) body += wrapWords(`help: ${d.help}`, room).map((l, i) => pad + (i === 0 ? c.cyan("help:") + l.slice(5) : `      ${l}`)).join("\n") + "\n";
      bodies.set(key, body);
    }
    out += head + body;
    for (const s of d.suggestions ?? []) out += wrapWords(`suggestion: ${s.message}`, room).map((l, i) => pad + (i === 0 ? c.cyan("suggestion:") + l.slice(11) : `            ${l}`)).join("\n") + "\n";
    for (const r of d.related ?? []) {
      const where = r.file === d.file ? `${r.line}:${r.column}` : `${shownPath(r.file)}:${r.line}:${r.column}`;
      out += wrapWords(`also: ${where} ${r.message}`, room).map((l, i) => pad + (i === 0 ? c.dim("also:") + l.slice(5) : `      ${l}`)).join("\n") + "\n";
    }
  }
  return out;
}
function summaryLines(problems, c) {
  const counts = countFindings(problems);
  const color = counts.errors > 0 ? c.red : counts.warnings > 0 ? c.yellow : c.cyan;
  const parts = [pluralize(counts.errors, "error"), pluralize(counts.warnings, "warning")];
  if (counts.infos > 0) parts.push(pluralize(counts.infos, "info"));
  let out = `
${c.bold(color(`\u2716 ${pluralize(problems.length, "problem")} (${parts.join(", ")})`))}
`;
  if (counts.fixable > 0) out += `  ${pluralize(counts.fixable, "problem")} fixable with the \`--fix\` option.
`;
  return out;
}
function notesFooter(notes, width, c) {
  let out = `
${c.dim("not checked:")}
`;
  const seen = /* @__PURE__ */ new Set();
  for (const n of notes) {
    const text = `${n.message}${n.help ? ` (${n.help})` : ""} [${n.ruleId}]`;
    if (seen.has(text)) continue;
    seen.add(text);
    out += wrapWords(text, width - 4).map((l, i) => i === 0 ? `  - ${l}` : `    ${l}`).join("\n") + "\n";
  }
  return out;
}
var init_stylish = __esm({
  "src/formats/stylish.ts"() {
    "use strict";
    init_summary();
  }
});

// node_modules/js-tokens/index.js
var require_js_tokens = __commonJS({
  "node_modules/js-tokens/index.js"(exports) {
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.default = /((['"])(?:(?!\2|\\).|\\(?:\r\n|[\s\S]))*(\2)?|`(?:[^`\\$]|\\[\s\S]|\$(?!\{)|\$\{(?:[^{}]|\{[^}]*\}?)*\}?)*(`)?)|(\/\/.*)|(\/\*(?:[^*]|\*(?!\/))*(\*\/)?)|(\/(?!\*)(?:\[(?:(?![\]\\]).|\\.)*\]|(?![\/\]\\]).|\\.)+\/(?:(?!\s*(?:\b|[\u0080-\uFFFF$\\'"~({]|[+\-!](?!=)|\.?\d))|[gmiyus]{1,6}\b(?![\u0080-\uFFFF$\\]|\s*(?:[+\-*%&|^<>!=?({]|\/(?![\/*])))))|(0[xX][\da-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:\d*\.\d+|\d+\.?)(?:[eE][+-]?\d+)?)|((?!\d)(?:(?!\s)[$\w\u0080-\uFFFF]|\\u[\da-fA-F]{4}|\\u\{[\da-fA-F]+\})+)|(--|\+\+|&&|\|\||=>|\.{3}|(?:[+\-\/%&|^]|\*{1,2}|<{1,2}|>{1,3}|!=?|={1,2})=?|[?~.,:;[\](){}])|(\s+)|(^$|[\s\S])/g;
    exports.matchToToken = function(match) {
      var token = { type: "invalid", value: match[0], closed: void 0 };
      if (match[1]) token.type = "string", token.closed = !!(match[3] || match[4]);
      else if (match[5]) token.type = "comment";
      else if (match[6]) token.type = "comment", token.closed = !!match[7];
      else if (match[8]) token.type = "regex";
      else if (match[9]) token.type = "number";
      else if (match[10]) token.type = "name";
      else if (match[11]) token.type = "punctuator";
      else if (match[12]) token.type = "whitespace";
      return token;
    };
  }
});

// node_modules/@babel/helper-validator-identifier/lib/identifier.js
var require_identifier = __commonJS({
  "node_modules/@babel/helper-validator-identifier/lib/identifier.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.isIdentifierChar = isIdentifierChar;
    exports.isIdentifierName = isIdentifierName;
    exports.isIdentifierStart = isIdentifierStart;
    var nonASCIIidentifierStartChars = "\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0370-\u0374\u0376\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u048A-\u052F\u0531-\u0556\u0559\u0560-\u0588\u05D0-\u05EA\u05EF-\u05F2\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06E5\u06E6\u06EE\u06EF\u06FA-\u06FC\u06FF\u0710\u0712-\u072F\u074D-\u07A5\u07B1\u07CA-\u07EA\u07F4\u07F5\u07FA\u0800-\u0815\u081A\u0824\u0828\u0840-\u0858\u0860-\u086A\u0870-\u0887\u0889-\u088F\u08A0-\u08C9\u0904-\u0939\u093D\u0950\u0958-\u0961\u0971-\u0980\u0985-\u098C\u098F\u0990\u0993-\u09A8\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09BD\u09CE\u09DC\u09DD\u09DF-\u09E1\u09F0\u09F1\u09FC\u0A05-\u0A0A\u0A0F\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32\u0A33\u0A35\u0A36\u0A38\u0A39\u0A59-\u0A5C\u0A5E\u0A72-\u0A74\u0A85-\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8\u0AAA-\u0AB0\u0AB2\u0AB3\u0AB5-\u0AB9\u0ABD\u0AD0\u0AE0\u0AE1\u0AF9\u0B05-\u0B0C\u0B0F\u0B10\u0B13-\u0B28\u0B2A-\u0B30\u0B32\u0B33\u0B35-\u0B39\u0B3D\u0B5C\u0B5D\u0B5F-\u0B61\u0B71\u0B83\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99\u0B9A\u0B9C\u0B9E\u0B9F\u0BA3\u0BA4\u0BA8-\u0BAA\u0BAE-\u0BB9\u0BD0\u0C05-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28\u0C2A-\u0C39\u0C3D\u0C58-\u0C5A\u0C5C\u0C5D\u0C60\u0C61\u0C80\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CBD\u0CDC-\u0CDE\u0CE0\u0CE1\u0CF1\u0CF2\u0D04-\u0D0C\u0D0E-\u0D10\u0D12-\u0D3A\u0D3D\u0D4E\u0D54-\u0D56\u0D5F-\u0D61\u0D7A-\u0D7F\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6\u0E01-\u0E30\u0E32\u0E33\u0E40-\u0E46\u0E81\u0E82\u0E84\u0E86-\u0E8A\u0E8C-\u0EA3\u0EA5\u0EA7-\u0EB0\u0EB2\u0EB3\u0EBD\u0EC0-\u0EC4\u0EC6\u0EDC-\u0EDF\u0F00\u0F40-\u0F47\u0F49-\u0F6C\u0F88-\u0F8C\u1000-\u102A\u103F\u1050-\u1055\u105A-\u105D\u1061\u1065\u1066\u106E-\u1070\u1075-\u1081\u108E\u10A0-\u10C5\u10C7\u10CD\u10D0-\u10FA\u10FC-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u1380-\u138F\u13A0-\u13F5\u13F8-\u13FD\u1401-\u166C\u166F-\u167F\u1681-\u169A\u16A0-\u16EA\u16EE-\u16F8\u1700-\u1711\u171F-\u1731\u1740-\u1751\u1760-\u176C\u176E-\u1770\u1780-\u17B3\u17D7\u17DC\u1820-\u1878\u1880-\u18A8\u18AA\u18B0-\u18F5\u1900-\u191E\u1950-\u196D\u1970-\u1974\u1980-\u19AB\u19B0-\u19C9\u1A00-\u1A16\u1A20-\u1A54\u1AA7\u1B05-\u1B33\u1B45-\u1B4C\u1B83-\u1BA0\u1BAE\u1BAF\u1BBA-\u1BE5\u1C00-\u1C23\u1C4D-\u1C4F\u1C5A-\u1C7D\u1C80-\u1C8A\u1C90-\u1CBA\u1CBD-\u1CBF\u1CE9-\u1CEC\u1CEE-\u1CF3\u1CF5\u1CF6\u1CFA\u1D00-\u1DBF\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2071\u207F\u2090-\u209C\u2102\u2107\u210A-\u2113\u2115\u2118-\u211D\u2124\u2126\u2128\u212A-\u2139\u213C-\u213F\u2145-\u2149\u214E\u2160-\u2188\u2C00-\u2CE4\u2CEB-\u2CEE\u2CF2\u2CF3\u2D00-\u2D25\u2D27\u2D2D\u2D30-\u2D67\u2D6F\u2D80-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303C\u3041-\u3096\u309B-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3105-\u312F\u3131-\u318E\u31A0-\u31BF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\uA48C\uA4D0-\uA4FD\uA500-\uA60C\uA610-\uA61F\uA62A\uA62B\uA640-\uA66E\uA67F-\uA69D\uA6A0-\uA6EF\uA717-\uA71F\uA722-\uA788\uA78B-\uA7DC\uA7F1-\uA801\uA803-\uA805\uA807-\uA80A\uA80C-\uA822\uA840-\uA873\uA882-\uA8B3\uA8F2-\uA8F7\uA8FB\uA8FD\uA8FE\uA90A-\uA925\uA930-\uA946\uA960-\uA97C\uA984-\uA9B2\uA9CF\uA9E0-\uA9E4\uA9E6-\uA9EF\uA9FA-\uA9FE\uAA00-\uAA28\uAA40-\uAA42\uAA44-\uAA4B\uAA60-\uAA76\uAA7A\uAA7E-\uAAAF\uAAB1\uAAB5\uAAB6\uAAB9-\uAABD\uAAC0\uAAC2\uAADB-\uAADD\uAAE0-\uAAEA\uAAF2-\uAAF4\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\uAB30-\uAB5A\uAB5C-\uAB69\uAB70-\uABE2\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uF900-\uFA6D\uFA70-\uFAD9\uFB00-\uFB06\uFB13-\uFB17\uFB1D\uFB1F-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE70-\uFE74\uFE76-\uFEFC\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC";
    var nonASCIIidentifierChars = "\xB7\u0300-\u036F\u0387\u0483-\u0487\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u0610-\u061A\u064B-\u0669\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u06F0-\u06F9\u0711\u0730-\u074A\u07A6-\u07B0\u07C0-\u07C9\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D\u0859-\u085B\u0897-\u089F\u08CA-\u08E1\u08E3-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962\u0963\u0966-\u096F\u0981-\u0983\u09BC\u09BE-\u09C4\u09C7\u09C8\u09CB-\u09CD\u09D7\u09E2\u09E3\u09E6-\u09EF\u09FE\u0A01-\u0A03\u0A3C\u0A3E-\u0A42\u0A47\u0A48\u0A4B-\u0A4D\u0A51\u0A66-\u0A71\u0A75\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE2\u0AE3\u0AE6-\u0AEF\u0AFA-\u0AFF\u0B01-\u0B03\u0B3C\u0B3E-\u0B44\u0B47\u0B48\u0B4B-\u0B4D\u0B55-\u0B57\u0B62\u0B63\u0B66-\u0B6F\u0B82\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD7\u0BE6-\u0BEF\u0C00-\u0C04\u0C3C\u0C3E-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55\u0C56\u0C62\u0C63\u0C66-\u0C6F\u0C81-\u0C83\u0CBC\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5\u0CD6\u0CE2\u0CE3\u0CE6-\u0CEF\u0CF3\u0D00-\u0D03\u0D3B\u0D3C\u0D3E-\u0D44\u0D46-\u0D48\u0D4A-\u0D4D\u0D57\u0D62\u0D63\u0D66-\u0D6F\u0D81-\u0D83\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DE6-\u0DEF\u0DF2\u0DF3\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E50-\u0E59\u0EB1\u0EB4-\u0EBC\u0EC8-\u0ECE\u0ED0-\u0ED9\u0F18\u0F19\u0F20-\u0F29\u0F35\u0F37\u0F39\u0F3E\u0F3F\u0F71-\u0F84\u0F86\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6\u102B-\u103E\u1040-\u1049\u1056-\u1059\u105E-\u1060\u1062-\u1064\u1067-\u106D\u1071-\u1074\u1082-\u108D\u108F-\u109D\u135D-\u135F\u1369-\u1371\u1712-\u1715\u1732-\u1734\u1752\u1753\u1772\u1773\u17B4-\u17D3\u17DD\u17E0-\u17E9\u180B-\u180D\u180F-\u1819\u18A9\u1920-\u192B\u1930-\u193B\u1946-\u194F\u19D0-\u19DA\u1A17-\u1A1B\u1A55-\u1A5E\u1A60-\u1A7C\u1A7F-\u1A89\u1A90-\u1A99\u1AB0-\u1ABD\u1ABF-\u1ADD\u1AE0-\u1AEB\u1B00-\u1B04\u1B34-\u1B44\u1B50-\u1B59\u1B6B-\u1B73\u1B80-\u1B82\u1BA1-\u1BAD\u1BB0-\u1BB9\u1BE6-\u1BF3\u1C24-\u1C37\u1C40-\u1C49\u1C50-\u1C59\u1CD0-\u1CD2\u1CD4-\u1CE8\u1CED\u1CF4\u1CF7-\u1CF9\u1DC0-\u1DFF\u200C\u200D\u203F\u2040\u2054\u20D0-\u20DC\u20E1\u20E5-\u20F0\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099\u309A\u30FB\uA620-\uA629\uA66F\uA674-\uA67D\uA69E\uA69F\uA6F0\uA6F1\uA802\uA806\uA80B\uA823-\uA827\uA82C\uA880\uA881\uA8B4-\uA8C5\uA8D0-\uA8D9\uA8E0-\uA8F1\uA8FF-\uA909\uA926-\uA92D\uA947-\uA953\uA980-\uA983\uA9B3-\uA9C0\uA9D0-\uA9D9\uA9E5\uA9F0-\uA9F9\uAA29-\uAA36\uAA43\uAA4C\uAA4D\uAA50-\uAA59\uAA7B-\uAA7D\uAAB0\uAAB2-\uAAB4\uAAB7\uAAB8\uAABE\uAABF\uAAC1\uAAEB-\uAAEF\uAAF5\uAAF6\uABE3-\uABEA\uABEC\uABED\uABF0-\uABF9\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F\uFE33\uFE34\uFE4D-\uFE4F\uFF10-\uFF19\uFF3F\uFF65";
    var nonASCIIidentifierStart = new RegExp("[" + nonASCIIidentifierStartChars + "]");
    var nonASCIIidentifier = new RegExp("[" + nonASCIIidentifierStartChars + nonASCIIidentifierChars + "]");
    nonASCIIidentifierStartChars = nonASCIIidentifierChars = null;
    var astralIdentifierStartCodes = [0, 11, 2, 25, 2, 18, 2, 1, 2, 14, 3, 13, 35, 122, 70, 52, 268, 28, 4, 48, 48, 31, 14, 29, 6, 37, 11, 29, 3, 35, 5, 7, 2, 4, 43, 157, 19, 35, 5, 35, 5, 39, 9, 51, 13, 10, 2, 14, 2, 6, 2, 1, 2, 10, 2, 14, 2, 6, 2, 1, 4, 51, 13, 310, 10, 21, 11, 7, 25, 5, 2, 41, 2, 8, 70, 5, 3, 0, 2, 43, 2, 1, 4, 0, 3, 22, 11, 22, 10, 30, 66, 18, 2, 1, 11, 21, 11, 25, 7, 25, 39, 55, 7, 1, 65, 0, 16, 3, 2, 2, 2, 28, 43, 28, 4, 28, 36, 7, 2, 27, 28, 53, 11, 21, 11, 18, 14, 17, 111, 72, 56, 50, 14, 50, 14, 35, 39, 27, 10, 22, 251, 41, 7, 1, 17, 5, 57, 28, 11, 0, 9, 21, 43, 17, 47, 20, 28, 22, 13, 52, 58, 1, 3, 0, 14, 44, 33, 24, 27, 35, 30, 0, 3, 0, 9, 34, 4, 0, 13, 47, 15, 3, 22, 0, 2, 0, 36, 17, 2, 24, 20, 1, 64, 6, 2, 0, 2, 3, 2, 14, 2, 9, 8, 46, 39, 7, 3, 1, 3, 21, 2, 6, 2, 1, 2, 4, 4, 0, 19, 0, 13, 4, 31, 9, 2, 0, 3, 0, 2, 37, 2, 0, 26, 0, 2, 0, 45, 52, 19, 3, 21, 2, 31, 47, 21, 1, 2, 0, 185, 46, 42, 3, 37, 47, 21, 0, 60, 42, 14, 0, 72, 26, 38, 6, 186, 43, 117, 63, 32, 7, 3, 0, 3, 7, 2, 1, 2, 23, 16, 0, 2, 0, 95, 7, 3, 38, 17, 0, 2, 0, 29, 0, 11, 39, 8, 0, 22, 0, 12, 45, 20, 0, 19, 72, 200, 32, 32, 8, 2, 36, 18, 0, 50, 29, 113, 6, 2, 1, 2, 37, 22, 0, 26, 5, 2, 1, 2, 31, 15, 0, 24, 43, 261, 18, 16, 0, 2, 12, 2, 33, 125, 0, 80, 921, 103, 110, 18, 195, 2637, 96, 16, 1071, 18, 5, 26, 3994, 6, 582, 6842, 29, 1763, 568, 8, 30, 18, 78, 18, 29, 19, 47, 17, 3, 32, 20, 6, 18, 433, 44, 212, 63, 33, 24, 3, 24, 45, 74, 6, 0, 67, 12, 65, 1, 2, 0, 15, 4, 10, 7381, 42, 31, 98, 114, 8702, 3, 2, 6, 2, 1, 2, 290, 16, 0, 30, 2, 3, 0, 15, 3, 9, 395, 2309, 106, 6, 12, 4, 8, 8, 9, 5991, 84, 2, 70, 2, 1, 3, 0, 3, 1, 3, 3, 2, 11, 2, 0, 2, 6, 2, 64, 2, 3, 3, 7, 2, 6, 2, 27, 2, 3, 2, 4, 2, 0, 4, 6, 2, 339, 3, 24, 2, 24, 2, 30, 2, 24, 2, 30, 2, 24, 2, 30, 2, 24, 2, 30, 2, 24, 2, 7, 1845, 30, 7, 5, 262, 61, 147, 44, 11, 6, 17, 0, 322, 29, 19, 43, 485, 27, 229, 29, 3, 0, 208, 30, 2, 2, 2, 1, 2, 6, 3, 4, 10, 1, 225, 6, 2, 3, 2, 1, 2, 14, 2, 196, 60, 67, 8, 0, 1205, 3, 2, 26, 2, 1, 2, 0, 3, 0, 2, 9, 2, 3, 2, 0, 2, 0, 7, 0, 5, 0, 2, 0, 2, 0, 2, 2, 2, 1, 2, 0, 3, 0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 1, 2, 0, 3, 3, 2, 6, 2, 3, 2, 3, 2, 0, 2, 9, 2, 16, 6, 2, 2, 4, 2, 16, 4421, 42719, 33, 4381, 3, 5773, 3, 7472, 16, 621, 2467, 541, 1507, 4938, 6, 8489];
    var astralIdentifierCodes = [509, 0, 227, 0, 150, 4, 294, 9, 1368, 2, 2, 1, 6, 3, 41, 2, 5, 0, 166, 1, 574, 3, 9, 9, 7, 9, 32, 4, 318, 1, 78, 5, 71, 10, 50, 3, 123, 2, 54, 14, 32, 10, 3, 1, 11, 3, 46, 10, 8, 0, 46, 9, 7, 2, 37, 13, 2, 9, 6, 1, 45, 0, 13, 2, 49, 13, 9, 3, 2, 11, 83, 11, 7, 0, 3, 0, 158, 11, 6, 9, 7, 3, 56, 1, 2, 6, 3, 1, 3, 2, 10, 0, 11, 1, 3, 6, 4, 4, 68, 8, 2, 0, 3, 0, 2, 3, 2, 4, 2, 0, 15, 1, 83, 17, 10, 9, 5, 0, 82, 19, 13, 9, 214, 6, 3, 8, 28, 1, 83, 16, 16, 9, 82, 12, 9, 9, 7, 19, 58, 14, 5, 9, 243, 14, 166, 9, 71, 5, 2, 1, 3, 3, 2, 0, 2, 1, 13, 9, 120, 6, 3, 6, 4, 0, 29, 9, 41, 6, 2, 3, 9, 0, 10, 10, 47, 15, 199, 7, 137, 9, 54, 7, 2, 7, 17, 9, 57, 21, 2, 13, 123, 5, 4, 0, 2, 1, 2, 6, 2, 0, 9, 9, 49, 4, 2, 1, 2, 4, 9, 9, 55, 9, 266, 3, 10, 1, 2, 0, 49, 6, 4, 4, 14, 10, 5350, 0, 7, 14, 11465, 27, 2343, 9, 87, 9, 39, 4, 60, 6, 26, 9, 535, 9, 470, 0, 2, 54, 8, 3, 82, 0, 12, 1, 19628, 1, 4178, 9, 519, 45, 3, 22, 543, 4, 4, 5, 9, 7, 3, 6, 31, 3, 149, 2, 1418, 49, 513, 54, 5, 49, 9, 0, 15, 0, 23, 4, 2, 14, 1361, 6, 2, 16, 3, 6, 2, 1, 2, 4, 101, 0, 161, 6, 10, 9, 357, 0, 62, 13, 499, 13, 245, 1, 2, 9, 233, 0, 3, 0, 8, 1, 6, 0, 475, 6, 110, 6, 6, 9, 4759, 9, 787719, 239];
    function isInAstralSet(code, set) {
      let pos = 65536;
      for (let i = 0, length = set.length; i < length; i += 2) {
        pos += set[i];
        if (pos > code) return false;
        pos += set[i + 1];
        if (pos >= code) return true;
      }
      return false;
    }
    function isIdentifierStart(code) {
      if (code < 65) return code === 36;
      if (code <= 90) return true;
      if (code < 97) return code === 95;
      if (code <= 122) return true;
      if (code <= 65535) {
        return code >= 170 && nonASCIIidentifierStart.test(String.fromCharCode(code));
      }
      return isInAstralSet(code, astralIdentifierStartCodes);
    }
    function isIdentifierChar(code) {
      if (code < 48) return code === 36;
      if (code < 58) return true;
      if (code < 65) return false;
      if (code <= 90) return true;
      if (code < 97) return code === 95;
      if (code <= 122) return true;
      if (code <= 65535) {
        return code >= 170 && nonASCIIidentifier.test(String.fromCharCode(code));
      }
      return isInAstralSet(code, astralIdentifierStartCodes) || isInAstralSet(code, astralIdentifierCodes);
    }
    function isIdentifierName(name) {
      let isFirst = true;
      for (let i = 0; i < name.length; i++) {
        let cp = name.charCodeAt(i);
        if ((cp & 64512) === 55296 && i + 1 < name.length) {
          const trail = name.charCodeAt(++i);
          if ((trail & 64512) === 56320) {
            cp = 65536 + ((cp & 1023) << 10) + (trail & 1023);
          }
        }
        if (isFirst) {
          isFirst = false;
          if (!isIdentifierStart(cp)) {
            return false;
          }
        } else if (!isIdentifierChar(cp)) {
          return false;
        }
      }
      return !isFirst;
    }
  }
});

// node_modules/@babel/helper-validator-identifier/lib/keyword.js
var require_keyword = __commonJS({
  "node_modules/@babel/helper-validator-identifier/lib/keyword.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.isKeyword = isKeyword;
    exports.isReservedWord = isReservedWord;
    exports.isStrictBindOnlyReservedWord = isStrictBindOnlyReservedWord;
    exports.isStrictBindReservedWord = isStrictBindReservedWord;
    exports.isStrictReservedWord = isStrictReservedWord;
    var reservedWords = {
      keyword: ["break", "case", "catch", "continue", "debugger", "default", "do", "else", "finally", "for", "function", "if", "return", "switch", "throw", "try", "var", "const", "while", "with", "new", "this", "super", "class", "extends", "export", "import", "null", "true", "false", "in", "instanceof", "typeof", "void", "delete"],
      strict: ["implements", "interface", "let", "package", "private", "protected", "public", "static", "yield"],
      strictBind: ["eval", "arguments"]
    };
    var keywords = new Set(reservedWords.keyword);
    var reservedWordsStrictSet = new Set(reservedWords.strict);
    var reservedWordsStrictBindSet = new Set(reservedWords.strictBind);
    function isReservedWord(word, inModule) {
      return inModule && word === "await" || word === "enum";
    }
    function isStrictReservedWord(word, inModule) {
      return isReservedWord(word, inModule) || reservedWordsStrictSet.has(word);
    }
    function isStrictBindOnlyReservedWord(word) {
      return reservedWordsStrictBindSet.has(word);
    }
    function isStrictBindReservedWord(word, inModule) {
      return isStrictReservedWord(word, inModule) || isStrictBindOnlyReservedWord(word);
    }
    function isKeyword(word) {
      return keywords.has(word);
    }
  }
});

// node_modules/@babel/helper-validator-identifier/lib/index.js
var require_lib = __commonJS({
  "node_modules/@babel/helper-validator-identifier/lib/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    Object.defineProperty(exports, "isIdentifierChar", {
      enumerable: true,
      get: function() {
        return _identifier.isIdentifierChar;
      }
    });
    Object.defineProperty(exports, "isIdentifierName", {
      enumerable: true,
      get: function() {
        return _identifier.isIdentifierName;
      }
    });
    Object.defineProperty(exports, "isIdentifierStart", {
      enumerable: true,
      get: function() {
        return _identifier.isIdentifierStart;
      }
    });
    Object.defineProperty(exports, "isKeyword", {
      enumerable: true,
      get: function() {
        return _keyword.isKeyword;
      }
    });
    Object.defineProperty(exports, "isReservedWord", {
      enumerable: true,
      get: function() {
        return _keyword.isReservedWord;
      }
    });
    Object.defineProperty(exports, "isStrictBindOnlyReservedWord", {
      enumerable: true,
      get: function() {
        return _keyword.isStrictBindOnlyReservedWord;
      }
    });
    Object.defineProperty(exports, "isStrictBindReservedWord", {
      enumerable: true,
      get: function() {
        return _keyword.isStrictBindReservedWord;
      }
    });
    Object.defineProperty(exports, "isStrictReservedWord", {
      enumerable: true,
      get: function() {
        return _keyword.isStrictReservedWord;
      }
    });
    var _identifier = require_identifier();
    var _keyword = require_keyword();
  }
});

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input) => {
      let string = "" + input, index = string.indexOf(close, open.length);
      return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors();
    module.exports.createColors = createColors;
  }
});

// node_modules/escape-string-regexp/index.js
var require_escape_string_regexp = __commonJS({
  "node_modules/escape-string-regexp/index.js"(exports, module) {
    "use strict";
    var matchOperatorsRe = /[|\\{}()[\]^$+*?.]/g;
    module.exports = function(str) {
      if (typeof str !== "string") {
        throw new TypeError("Expected a string");
      }
      return str.replace(matchOperatorsRe, "\\$&");
    };
  }
});

// node_modules/color-name/index.js
var require_color_name = __commonJS({
  "node_modules/color-name/index.js"(exports, module) {
    "use strict";
    module.exports = {
      "aliceblue": [240, 248, 255],
      "antiquewhite": [250, 235, 215],
      "aqua": [0, 255, 255],
      "aquamarine": [127, 255, 212],
      "azure": [240, 255, 255],
      "beige": [245, 245, 220],
      "bisque": [255, 228, 196],
      "black": [0, 0, 0],
      "blanchedalmond": [255, 235, 205],
      "blue": [0, 0, 255],
      "blueviolet": [138, 43, 226],
      "brown": [165, 42, 42],
      "burlywood": [222, 184, 135],
      "cadetblue": [95, 158, 160],
      "chartreuse": [127, 255, 0],
      "chocolate": [210, 105, 30],
      "coral": [255, 127, 80],
      "cornflowerblue": [100, 149, 237],
      "cornsilk": [255, 248, 220],
      "crimson": [220, 20, 60],
      "cyan": [0, 255, 255],
      "darkblue": [0, 0, 139],
      "darkcyan": [0, 139, 139],
      "darkgoldenrod": [184, 134, 11],
      "darkgray": [169, 169, 169],
      "darkgreen": [0, 100, 0],
      "darkgrey": [169, 169, 169],
      "darkkhaki": [189, 183, 107],
      "darkmagenta": [139, 0, 139],
      "darkolivegreen": [85, 107, 47],
      "darkorange": [255, 140, 0],
      "darkorchid": [153, 50, 204],
      "darkred": [139, 0, 0],
      "darksalmon": [233, 150, 122],
      "darkseagreen": [143, 188, 143],
      "darkslateblue": [72, 61, 139],
      "darkslategray": [47, 79, 79],
      "darkslategrey": [47, 79, 79],
      "darkturquoise": [0, 206, 209],
      "darkviolet": [148, 0, 211],
      "deeppink": [255, 20, 147],
      "deepskyblue": [0, 191, 255],
      "dimgray": [105, 105, 105],
      "dimgrey": [105, 105, 105],
      "dodgerblue": [30, 144, 255],
      "firebrick": [178, 34, 34],
      "floralwhite": [255, 250, 240],
      "forestgreen": [34, 139, 34],
      "fuchsia": [255, 0, 255],
      "gainsboro": [220, 220, 220],
      "ghostwhite": [248, 248, 255],
      "gold": [255, 215, 0],
      "goldenrod": [218, 165, 32],
      "gray": [128, 128, 128],
      "green": [0, 128, 0],
      "greenyellow": [173, 255, 47],
      "grey": [128, 128, 128],
      "honeydew": [240, 255, 240],
      "hotpink": [255, 105, 180],
      "indianred": [205, 92, 92],
      "indigo": [75, 0, 130],
      "ivory": [255, 255, 240],
      "khaki": [240, 230, 140],
      "lavender": [230, 230, 250],
      "lavenderblush": [255, 240, 245],
      "lawngreen": [124, 252, 0],
      "lemonchiffon": [255, 250, 205],
      "lightblue": [173, 216, 230],
      "lightcoral": [240, 128, 128],
      "lightcyan": [224, 255, 255],
      "lightgoldenrodyellow": [250, 250, 210],
      "lightgray": [211, 211, 211],
      "lightgreen": [144, 238, 144],
      "lightgrey": [211, 211, 211],
      "lightpink": [255, 182, 193],
      "lightsalmon": [255, 160, 122],
      "lightseagreen": [32, 178, 170],
      "lightskyblue": [135, 206, 250],
      "lightslategray": [119, 136, 153],
      "lightslategrey": [119, 136, 153],
      "lightsteelblue": [176, 196, 222],
      "lightyellow": [255, 255, 224],
      "lime": [0, 255, 0],
      "limegreen": [50, 205, 50],
      "linen": [250, 240, 230],
      "magenta": [255, 0, 255],
      "maroon": [128, 0, 0],
      "mediumaquamarine": [102, 205, 170],
      "mediumblue": [0, 0, 205],
      "mediumorchid": [186, 85, 211],
      "mediumpurple": [147, 112, 219],
      "mediumseagreen": [60, 179, 113],
      "mediumslateblue": [123, 104, 238],
      "mediumspringgreen": [0, 250, 154],
      "mediumturquoise": [72, 209, 204],
      "mediumvioletred": [199, 21, 133],
      "midnightblue": [25, 25, 112],
      "mintcream": [245, 255, 250],
      "mistyrose": [255, 228, 225],
      "moccasin": [255, 228, 181],
      "navajowhite": [255, 222, 173],
      "navy": [0, 0, 128],
      "oldlace": [253, 245, 230],
      "olive": [128, 128, 0],
      "olivedrab": [107, 142, 35],
      "orange": [255, 165, 0],
      "orangered": [255, 69, 0],
      "orchid": [218, 112, 214],
      "palegoldenrod": [238, 232, 170],
      "palegreen": [152, 251, 152],
      "paleturquoise": [175, 238, 238],
      "palevioletred": [219, 112, 147],
      "papayawhip": [255, 239, 213],
      "peachpuff": [255, 218, 185],
      "peru": [205, 133, 63],
      "pink": [255, 192, 203],
      "plum": [221, 160, 221],
      "powderblue": [176, 224, 230],
      "purple": [128, 0, 128],
      "rebeccapurple": [102, 51, 153],
      "red": [255, 0, 0],
      "rosybrown": [188, 143, 143],
      "royalblue": [65, 105, 225],
      "saddlebrown": [139, 69, 19],
      "salmon": [250, 128, 114],
      "sandybrown": [244, 164, 96],
      "seagreen": [46, 139, 87],
      "seashell": [255, 245, 238],
      "sienna": [160, 82, 45],
      "silver": [192, 192, 192],
      "skyblue": [135, 206, 235],
      "slateblue": [106, 90, 205],
      "slategray": [112, 128, 144],
      "slategrey": [112, 128, 144],
      "snow": [255, 250, 250],
      "springgreen": [0, 255, 127],
      "steelblue": [70, 130, 180],
      "tan": [210, 180, 140],
      "teal": [0, 128, 128],
      "thistle": [216, 191, 216],
      "tomato": [255, 99, 71],
      "turquoise": [64, 224, 208],
      "violet": [238, 130, 238],
      "wheat": [245, 222, 179],
      "white": [255, 255, 255],
      "whitesmoke": [245, 245, 245],
      "yellow": [255, 255, 0],
      "yellowgreen": [154, 205, 50]
    };
  }
});

// node_modules/color-convert/conversions.js
var require_conversions = __commonJS({
  "node_modules/color-convert/conversions.js"(exports, module) {
    var cssKeywords = require_color_name();
    var reverseKeywords = {};
    for (key in cssKeywords) {
      if (cssKeywords.hasOwnProperty(key)) {
        reverseKeywords[cssKeywords[key]] = key;
      }
    }
    var key;
    var convert = module.exports = {
      rgb: { channels: 3, labels: "rgb" },
      hsl: { channels: 3, labels: "hsl" },
      hsv: { channels: 3, labels: "hsv" },
      hwb: { channels: 3, labels: "hwb" },
      cmyk: { channels: 4, labels: "cmyk" },
      xyz: { channels: 3, labels: "xyz" },
      lab: { channels: 3, labels: "lab" },
      lch: { channels: 3, labels: "lch" },
      hex: { channels: 1, labels: ["hex"] },
      keyword: { channels: 1, labels: ["keyword"] },
      ansi16: { channels: 1, labels: ["ansi16"] },
      ansi256: { channels: 1, labels: ["ansi256"] },
      hcg: { channels: 3, labels: ["h", "c", "g"] },
      apple: { channels: 3, labels: ["r16", "g16", "b16"] },
      gray: { channels: 1, labels: ["gray"] }
    };
    for (model in convert) {
      if (convert.hasOwnProperty(model)) {
        if (!("channels" in convert[model])) {
          throw new Error("missing channels property: " + model);
        }
        if (!("labels" in convert[model])) {
          throw new Error("missing channel labels property: " + model);
        }
        if (convert[model].labels.length !== convert[model].channels) {
          throw new Error("channel and label counts mismatch: " + model);
        }
        channels = convert[model].channels;
        labels = convert[model].labels;
        delete convert[model].channels;
        delete convert[model].labels;
        Object.defineProperty(convert[model], "channels", { value: channels });
        Object.defineProperty(convert[model], "labels", { value: labels });
      }
    }
    var channels;
    var labels;
    var model;
    convert.rgb.hsl = function(rgb) {
      var r = rgb[0] / 255;
      var g = rgb[1] / 255;
      var b = rgb[2] / 255;
      var min = Math.min(r, g, b);
      var max = Math.max(r, g, b);
      var delta = max - min;
      var h;
      var s;
      var l;
      if (max === min) {
        h = 0;
      } else if (r === max) {
        h = (g - b) / delta;
      } else if (g === max) {
        h = 2 + (b - r) / delta;
      } else if (b === max) {
        h = 4 + (r - g) / delta;
      }
      h = Math.min(h * 60, 360);
      if (h < 0) {
        h += 360;
      }
      l = (min + max) / 2;
      if (max === min) {
        s = 0;
      } else if (l <= 0.5) {
        s = delta / (max + min);
      } else {
        s = delta / (2 - max - min);
      }
      return [h, s * 100, l * 100];
    };
    convert.rgb.hsv = function(rgb) {
      var rdif;
      var gdif;
      var bdif;
      var h;
      var s;
      var r = rgb[0] / 255;
      var g = rgb[1] / 255;
      var b = rgb[2] / 255;
      var v = Math.max(r, g, b);
      var diff = v - Math.min(r, g, b);
      var diffc = function(c) {
        return (v - c) / 6 / diff + 1 / 2;
      };
      if (diff === 0) {
        h = s = 0;
      } else {
        s = diff / v;
        rdif = diffc(r);
        gdif = diffc(g);
        bdif = diffc(b);
        if (r === v) {
          h = bdif - gdif;
        } else if (g === v) {
          h = 1 / 3 + rdif - bdif;
        } else if (b === v) {
          h = 2 / 3 + gdif - rdif;
        }
        if (h < 0) {
          h += 1;
        } else if (h > 1) {
          h -= 1;
        }
      }
      return [
        h * 360,
        s * 100,
        v * 100
      ];
    };
    convert.rgb.hwb = function(rgb) {
      var r = rgb[0];
      var g = rgb[1];
      var b = rgb[2];
      var h = convert.rgb.hsl(rgb)[0];
      var w = 1 / 255 * Math.min(r, Math.min(g, b));
      b = 1 - 1 / 255 * Math.max(r, Math.max(g, b));
      return [h, w * 100, b * 100];
    };
    convert.rgb.cmyk = function(rgb) {
      var r = rgb[0] / 255;
      var g = rgb[1] / 255;
      var b = rgb[2] / 255;
      var c;
      var m;
      var y;
      var k;
      k = Math.min(1 - r, 1 - g, 1 - b);
      c = (1 - r - k) / (1 - k) || 0;
      m = (1 - g - k) / (1 - k) || 0;
      y = (1 - b - k) / (1 - k) || 0;
      return [c * 100, m * 100, y * 100, k * 100];
    };
    function comparativeDistance(x, y) {
      return Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2);
    }
    convert.rgb.keyword = function(rgb) {
      var reversed = reverseKeywords[rgb];
      if (reversed) {
        return reversed;
      }
      var currentClosestDistance = Infinity;
      var currentClosestKeyword;
      for (var keyword in cssKeywords) {
        if (cssKeywords.hasOwnProperty(keyword)) {
          var value = cssKeywords[keyword];
          var distance = comparativeDistance(rgb, value);
          if (distance < currentClosestDistance) {
            currentClosestDistance = distance;
            currentClosestKeyword = keyword;
          }
        }
      }
      return currentClosestKeyword;
    };
    convert.keyword.rgb = function(keyword) {
      return cssKeywords[keyword];
    };
    convert.rgb.xyz = function(rgb) {
      var r = rgb[0] / 255;
      var g = rgb[1] / 255;
      var b = rgb[2] / 255;
      r = r > 0.04045 ? Math.pow((r + 0.055) / 1.055, 2.4) : r / 12.92;
      g = g > 0.04045 ? Math.pow((g + 0.055) / 1.055, 2.4) : g / 12.92;
      b = b > 0.04045 ? Math.pow((b + 0.055) / 1.055, 2.4) : b / 12.92;
      var x = r * 0.4124 + g * 0.3576 + b * 0.1805;
      var y = r * 0.2126 + g * 0.7152 + b * 0.0722;
      var z = r * 0.0193 + g * 0.1192 + b * 0.9505;
      return [x * 100, y * 100, z * 100];
    };
    convert.rgb.lab = function(rgb) {
      var xyz = convert.rgb.xyz(rgb);
      var x = xyz[0];
      var y = xyz[1];
      var z = xyz[2];
      var l;
      var a;
      var b;
      x /= 95.047;
      y /= 100;
      z /= 108.883;
      x = x > 8856e-6 ? Math.pow(x, 1 / 3) : 7.787 * x + 16 / 116;
      y = y > 8856e-6 ? Math.pow(y, 1 / 3) : 7.787 * y + 16 / 116;
      z = z > 8856e-6 ? Math.pow(z, 1 / 3) : 7.787 * z + 16 / 116;
      l = 116 * y - 16;
      a = 500 * (x - y);
      b = 200 * (y - z);
      return [l, a, b];
    };
    convert.hsl.rgb = function(hsl) {
      var h = hsl[0] / 360;
      var s = hsl[1] / 100;
      var l = hsl[2] / 100;
      var t1;
      var t2;
      var t3;
      var rgb;
      var val;
      if (s === 0) {
        val = l * 255;
        return [val, val, val];
      }
      if (l < 0.5) {
        t2 = l * (1 + s);
      } else {
        t2 = l + s - l * s;
      }
      t1 = 2 * l - t2;
      rgb = [0, 0, 0];
      for (var i = 0; i < 3; i++) {
        t3 = h + 1 / 3 * -(i - 1);
        if (t3 < 0) {
          t3++;
        }
        if (t3 > 1) {
          t3--;
        }
        if (6 * t3 < 1) {
          val = t1 + (t2 - t1) * 6 * t3;
        } else if (2 * t3 < 1) {
          val = t2;
        } else if (3 * t3 < 2) {
          val = t1 + (t2 - t1) * (2 / 3 - t3) * 6;
        } else {
          val = t1;
        }
        rgb[i] = val * 255;
      }
      return rgb;
    };
    convert.hsl.hsv = function(hsl) {
      var h = hsl[0];
      var s = hsl[1] / 100;
      var l = hsl[2] / 100;
      var smin = s;
      var lmin = Math.max(l, 0.01);
      var sv;
      var v;
      l *= 2;
      s *= l <= 1 ? l : 2 - l;
      smin *= lmin <= 1 ? lmin : 2 - lmin;
      v = (l + s) / 2;
      sv = l === 0 ? 2 * smin / (lmin + smin) : 2 * s / (l + s);
      return [h, sv * 100, v * 100];
    };
    convert.hsv.rgb = function(hsv) {
      var h = hsv[0] / 60;
      var s = hsv[1] / 100;
      var v = hsv[2] / 100;
      var hi = Math.floor(h) % 6;
      var f = h - Math.floor(h);
      var p = 255 * v * (1 - s);
      var q = 255 * v * (1 - s * f);
      var t = 255 * v * (1 - s * (1 - f));
      v *= 255;
      switch (hi) {
        case 0:
          return [v, t, p];
        case 1:
          return [q, v, p];
        case 2:
          return [p, v, t];
        case 3:
          return [p, q, v];
        case 4:
          return [t, p, v];
        case 5:
          return [v, p, q];
      }
    };
    convert.hsv.hsl = function(hsv) {
      var h = hsv[0];
      var s = hsv[1] / 100;
      var v = hsv[2] / 100;
      var vmin = Math.max(v, 0.01);
      var lmin;
      var sl;
      var l;
      l = (2 - s) * v;
      lmin = (2 - s) * vmin;
      sl = s * vmin;
      sl /= lmin <= 1 ? lmin : 2 - lmin;
      sl = sl || 0;
      l /= 2;
      return [h, sl * 100, l * 100];
    };
    convert.hwb.rgb = function(hwb) {
      var h = hwb[0] / 360;
      var wh = hwb[1] / 100;
      var bl = hwb[2] / 100;
      var ratio = wh + bl;
      var i;
      var v;
      var f;
      var n;
      if (ratio > 1) {
        wh /= ratio;
        bl /= ratio;
      }
      i = Math.floor(6 * h);
      v = 1 - bl;
      f = 6 * h - i;
      if ((i & 1) !== 0) {
        f = 1 - f;
      }
      n = wh + f * (v - wh);
      var r;
      var g;
      var b;
      switch (i) {
        default:
        case 6:
        case 0:
          r = v;
          g = n;
          b = wh;
          break;
        case 1:
          r = n;
          g = v;
          b = wh;
          break;
        case 2:
          r = wh;
          g = v;
          b = n;
          break;
        case 3:
          r = wh;
          g = n;
          b = v;
          break;
        case 4:
          r = n;
          g = wh;
          b = v;
          break;
        case 5:
          r = v;
          g = wh;
          b = n;
          break;
      }
      return [r * 255, g * 255, b * 255];
    };
    convert.cmyk.rgb = function(cmyk) {
      var c = cmyk[0] / 100;
      var m = cmyk[1] / 100;
      var y = cmyk[2] / 100;
      var k = cmyk[3] / 100;
      var r;
      var g;
      var b;
      r = 1 - Math.min(1, c * (1 - k) + k);
      g = 1 - Math.min(1, m * (1 - k) + k);
      b = 1 - Math.min(1, y * (1 - k) + k);
      return [r * 255, g * 255, b * 255];
    };
    convert.xyz.rgb = function(xyz) {
      var x = xyz[0] / 100;
      var y = xyz[1] / 100;
      var z = xyz[2] / 100;
      var r;
      var g;
      var b;
      r = x * 3.2406 + y * -1.5372 + z * -0.4986;
      g = x * -0.9689 + y * 1.8758 + z * 0.0415;
      b = x * 0.0557 + y * -0.204 + z * 1.057;
      r = r > 31308e-7 ? 1.055 * Math.pow(r, 1 / 2.4) - 0.055 : r * 12.92;
      g = g > 31308e-7 ? 1.055 * Math.pow(g, 1 / 2.4) - 0.055 : g * 12.92;
      b = b > 31308e-7 ? 1.055 * Math.pow(b, 1 / 2.4) - 0.055 : b * 12.92;
      r = Math.min(Math.max(0, r), 1);
      g = Math.min(Math.max(0, g), 1);
      b = Math.min(Math.max(0, b), 1);
      return [r * 255, g * 255, b * 255];
    };
    convert.xyz.lab = function(xyz) {
      var x = xyz[0];
      var y = xyz[1];
      var z = xyz[2];
      var l;
      var a;
      var b;
      x /= 95.047;
      y /= 100;
      z /= 108.883;
      x = x > 8856e-6 ? Math.pow(x, 1 / 3) : 7.787 * x + 16 / 116;
      y = y > 8856e-6 ? Math.pow(y, 1 / 3) : 7.787 * y + 16 / 116;
      z = z > 8856e-6 ? Math.pow(z, 1 / 3) : 7.787 * z + 16 / 116;
      l = 116 * y - 16;
      a = 500 * (x - y);
      b = 200 * (y - z);
      return [l, a, b];
    };
    convert.lab.xyz = function(lab) {
      var l = lab[0];
      var a = lab[1];
      var b = lab[2];
      var x;
      var y;
      var z;
      y = (l + 16) / 116;
      x = a / 500 + y;
      z = y - b / 200;
      var y2 = Math.pow(y, 3);
      var x2 = Math.pow(x, 3);
      var z2 = Math.pow(z, 3);
      y = y2 > 8856e-6 ? y2 : (y - 16 / 116) / 7.787;
      x = x2 > 8856e-6 ? x2 : (x - 16 / 116) / 7.787;
      z = z2 > 8856e-6 ? z2 : (z - 16 / 116) / 7.787;
      x *= 95.047;
      y *= 100;
      z *= 108.883;
      return [x, y, z];
    };
    convert.lab.lch = function(lab) {
      var l = lab[0];
      var a = lab[1];
      var b = lab[2];
      var hr;
      var h;
      var c;
      hr = Math.atan2(b, a);
      h = hr * 360 / 2 / Math.PI;
      if (h < 0) {
        h += 360;
      }
      c = Math.sqrt(a * a + b * b);
      return [l, c, h];
    };
    convert.lch.lab = function(lch) {
      var l = lch[0];
      var c = lch[1];
      var h = lch[2];
      var a;
      var b;
      var hr;
      hr = h / 360 * 2 * Math.PI;
      a = c * Math.cos(hr);
      b = c * Math.sin(hr);
      return [l, a, b];
    };
    convert.rgb.ansi16 = function(args) {
      var r = args[0];
      var g = args[1];
      var b = args[2];
      var value = 1 in arguments ? arguments[1] : convert.rgb.hsv(args)[2];
      value = Math.round(value / 50);
      if (value === 0) {
        return 30;
      }
      var ansi = 30 + (Math.round(b / 255) << 2 | Math.round(g / 255) << 1 | Math.round(r / 255));
      if (value === 2) {
        ansi += 60;
      }
      return ansi;
    };
    convert.hsv.ansi16 = function(args) {
      return convert.rgb.ansi16(convert.hsv.rgb(args), args[2]);
    };
    convert.rgb.ansi256 = function(args) {
      var r = args[0];
      var g = args[1];
      var b = args[2];
      if (r === g && g === b) {
        if (r < 8) {
          return 16;
        }
        if (r > 248) {
          return 231;
        }
        return Math.round((r - 8) / 247 * 24) + 232;
      }
      var ansi = 16 + 36 * Math.round(r / 255 * 5) + 6 * Math.round(g / 255 * 5) + Math.round(b / 255 * 5);
      return ansi;
    };
    convert.ansi16.rgb = function(args) {
      var color = args % 10;
      if (color === 0 || color === 7) {
        if (args > 50) {
          color += 3.5;
        }
        color = color / 10.5 * 255;
        return [color, color, color];
      }
      var mult = (~~(args > 50) + 1) * 0.5;
      var r = (color & 1) * mult * 255;
      var g = (color >> 1 & 1) * mult * 255;
      var b = (color >> 2 & 1) * mult * 255;
      return [r, g, b];
    };
    convert.ansi256.rgb = function(args) {
      if (args >= 232) {
        var c = (args - 232) * 10 + 8;
        return [c, c, c];
      }
      args -= 16;
      var rem;
      var r = Math.floor(args / 36) / 5 * 255;
      var g = Math.floor((rem = args % 36) / 6) / 5 * 255;
      var b = rem % 6 / 5 * 255;
      return [r, g, b];
    };
    convert.rgb.hex = function(args) {
      var integer = ((Math.round(args[0]) & 255) << 16) + ((Math.round(args[1]) & 255) << 8) + (Math.round(args[2]) & 255);
      var string = integer.toString(16).toUpperCase();
      return "000000".substring(string.length) + string;
    };
    convert.hex.rgb = function(args) {
      var match = args.toString(16).match(/[a-f0-9]{6}|[a-f0-9]{3}/i);
      if (!match) {
        return [0, 0, 0];
      }
      var colorString = match[0];
      if (match[0].length === 3) {
        colorString = colorString.split("").map(function(char) {
          return char + char;
        }).join("");
      }
      var integer = parseInt(colorString, 16);
      var r = integer >> 16 & 255;
      var g = integer >> 8 & 255;
      var b = integer & 255;
      return [r, g, b];
    };
    convert.rgb.hcg = function(rgb) {
      var r = rgb[0] / 255;
      var g = rgb[1] / 255;
      var b = rgb[2] / 255;
      var max = Math.max(Math.max(r, g), b);
      var min = Math.min(Math.min(r, g), b);
      var chroma = max - min;
      var grayscale;
      var hue;
      if (chroma < 1) {
        grayscale = min / (1 - chroma);
      } else {
        grayscale = 0;
      }
      if (chroma <= 0) {
        hue = 0;
      } else if (max === r) {
        hue = (g - b) / chroma % 6;
      } else if (max === g) {
        hue = 2 + (b - r) / chroma;
      } else {
        hue = 4 + (r - g) / chroma + 4;
      }
      hue /= 6;
      hue %= 1;
      return [hue * 360, chroma * 100, grayscale * 100];
    };
    convert.hsl.hcg = function(hsl) {
      var s = hsl[1] / 100;
      var l = hsl[2] / 100;
      var c = 1;
      var f = 0;
      if (l < 0.5) {
        c = 2 * s * l;
      } else {
        c = 2 * s * (1 - l);
      }
      if (c < 1) {
        f = (l - 0.5 * c) / (1 - c);
      }
      return [hsl[0], c * 100, f * 100];
    };
    convert.hsv.hcg = function(hsv) {
      var s = hsv[1] / 100;
      var v = hsv[2] / 100;
      var c = s * v;
      var f = 0;
      if (c < 1) {
        f = (v - c) / (1 - c);
      }
      return [hsv[0], c * 100, f * 100];
    };
    convert.hcg.rgb = function(hcg) {
      var h = hcg[0] / 360;
      var c = hcg[1] / 100;
      var g = hcg[2] / 100;
      if (c === 0) {
        return [g * 255, g * 255, g * 255];
      }
      var pure = [0, 0, 0];
      var hi = h % 1 * 6;
      var v = hi % 1;
      var w = 1 - v;
      var mg = 0;
      switch (Math.floor(hi)) {
        case 0:
          pure[0] = 1;
          pure[1] = v;
          pure[2] = 0;
          break;
        case 1:
          pure[0] = w;
          pure[1] = 1;
          pure[2] = 0;
          break;
        case 2:
          pure[0] = 0;
          pure[1] = 1;
          pure[2] = v;
          break;
        case 3:
          pure[0] = 0;
          pure[1] = w;
          pure[2] = 1;
          break;
        case 4:
          pure[0] = v;
          pure[1] = 0;
          pure[2] = 1;
          break;
        default:
          pure[0] = 1;
          pure[1] = 0;
          pure[2] = w;
      }
      mg = (1 - c) * g;
      return [
        (c * pure[0] + mg) * 255,
        (c * pure[1] + mg) * 255,
        (c * pure[2] + mg) * 255
      ];
    };
    convert.hcg.hsv = function(hcg) {
      var c = hcg[1] / 100;
      var g = hcg[2] / 100;
      var v = c + g * (1 - c);
      var f = 0;
      if (v > 0) {
        f = c / v;
      }
      return [hcg[0], f * 100, v * 100];
    };
    convert.hcg.hsl = function(hcg) {
      var c = hcg[1] / 100;
      var g = hcg[2] / 100;
      var l = g * (1 - c) + 0.5 * c;
      var s = 0;
      if (l > 0 && l < 0.5) {
        s = c / (2 * l);
      } else if (l >= 0.5 && l < 1) {
        s = c / (2 * (1 - l));
      }
      return [hcg[0], s * 100, l * 100];
    };
    convert.hcg.hwb = function(hcg) {
      var c = hcg[1] / 100;
      var g = hcg[2] / 100;
      var v = c + g * (1 - c);
      return [hcg[0], (v - c) * 100, (1 - v) * 100];
    };
    convert.hwb.hcg = function(hwb) {
      var w = hwb[1] / 100;
      var b = hwb[2] / 100;
      var v = 1 - b;
      var c = v - w;
      var g = 0;
      if (c < 1) {
        g = (v - c) / (1 - c);
      }
      return [hwb[0], c * 100, g * 100];
    };
    convert.apple.rgb = function(apple) {
      return [apple[0] / 65535 * 255, apple[1] / 65535 * 255, apple[2] / 65535 * 255];
    };
    convert.rgb.apple = function(rgb) {
      return [rgb[0] / 255 * 65535, rgb[1] / 255 * 65535, rgb[2] / 255 * 65535];
    };
    convert.gray.rgb = function(args) {
      return [args[0] / 100 * 255, args[0] / 100 * 255, args[0] / 100 * 255];
    };
    convert.gray.hsl = convert.gray.hsv = function(args) {
      return [0, 0, args[0]];
    };
    convert.gray.hwb = function(gray) {
      return [0, 100, gray[0]];
    };
    convert.gray.cmyk = function(gray) {
      return [0, 0, 0, gray[0]];
    };
    convert.gray.lab = function(gray) {
      return [gray[0], 0, 0];
    };
    convert.gray.hex = function(gray) {
      var val = Math.round(gray[0] / 100 * 255) & 255;
      var integer = (val << 16) + (val << 8) + val;
      var string = integer.toString(16).toUpperCase();
      return "000000".substring(string.length) + string;
    };
    convert.rgb.gray = function(rgb) {
      var val = (rgb[0] + rgb[1] + rgb[2]) / 3;
      return [val / 255 * 100];
    };
  }
});

// node_modules/color-convert/route.js
var require_route = __commonJS({
  "node_modules/color-convert/route.js"(exports, module) {
    var conversions = require_conversions();
    function buildGraph() {
      var graph = {};
      var models = Object.keys(conversions);
      for (var len = models.length, i = 0; i < len; i++) {
        graph[models[i]] = {
          // http://jsperf.com/1-vs-infinity
          // micro-opt, but this is simple.
          distance: -1,
          parent: null
        };
      }
      return graph;
    }
    function deriveBFS(fromModel) {
      var graph = buildGraph();
      var queue = [fromModel];
      graph[fromModel].distance = 0;
      while (queue.length) {
        var current = queue.pop();
        var adjacents = Object.keys(conversions[current]);
        for (var len = adjacents.length, i = 0; i < len; i++) {
          var adjacent = adjacents[i];
          var node = graph[adjacent];
          if (node.distance === -1) {
            node.distance = graph[current].distance + 1;
            node.parent = current;
            queue.unshift(adjacent);
          }
        }
      }
      return graph;
    }
    function link(from, to) {
      return function(args) {
        return to(from(args));
      };
    }
    function wrapConversion(toModel, graph) {
      var path3 = [graph[toModel].parent, toModel];
      var fn = conversions[graph[toModel].parent][toModel];
      var cur = graph[toModel].parent;
      while (graph[cur].parent) {
        path3.unshift(graph[cur].parent);
        fn = link(conversions[graph[cur].parent][cur], fn);
        cur = graph[cur].parent;
      }
      fn.conversion = path3;
      return fn;
    }
    module.exports = function(fromModel) {
      var graph = deriveBFS(fromModel);
      var conversion = {};
      var models = Object.keys(graph);
      for (var len = models.length, i = 0; i < len; i++) {
        var toModel = models[i];
        var node = graph[toModel];
        if (node.parent === null) {
          continue;
        }
        conversion[toModel] = wrapConversion(toModel, graph);
      }
      return conversion;
    };
  }
});

// node_modules/color-convert/index.js
var require_color_convert = __commonJS({
  "node_modules/color-convert/index.js"(exports, module) {
    var conversions = require_conversions();
    var route = require_route();
    var convert = {};
    var models = Object.keys(conversions);
    function wrapRaw(fn) {
      var wrappedFn = function(args) {
        if (args === void 0 || args === null) {
          return args;
        }
        if (arguments.length > 1) {
          args = Array.prototype.slice.call(arguments);
        }
        return fn(args);
      };
      if ("conversion" in fn) {
        wrappedFn.conversion = fn.conversion;
      }
      return wrappedFn;
    }
    function wrapRounded(fn) {
      var wrappedFn = function(args) {
        if (args === void 0 || args === null) {
          return args;
        }
        if (arguments.length > 1) {
          args = Array.prototype.slice.call(arguments);
        }
        var result = fn(args);
        if (typeof result === "object") {
          for (var len = result.length, i = 0; i < len; i++) {
            result[i] = Math.round(result[i]);
          }
        }
        return result;
      };
      if ("conversion" in fn) {
        wrappedFn.conversion = fn.conversion;
      }
      return wrappedFn;
    }
    models.forEach(function(fromModel) {
      convert[fromModel] = {};
      Object.defineProperty(convert[fromModel], "channels", { value: conversions[fromModel].channels });
      Object.defineProperty(convert[fromModel], "labels", { value: conversions[fromModel].labels });
      var routes = route(fromModel);
      var routeModels = Object.keys(routes);
      routeModels.forEach(function(toModel) {
        var fn = routes[toModel];
        convert[fromModel][toModel] = wrapRounded(fn);
        convert[fromModel][toModel].raw = wrapRaw(fn);
      });
    });
    module.exports = convert;
  }
});

// node_modules/ansi-styles/index.js
var require_ansi_styles = __commonJS({
  "node_modules/ansi-styles/index.js"(exports, module) {
    "use strict";
    var colorConvert = require_color_convert();
    var wrapAnsi16 = (fn, offset) => function() {
      const code = fn.apply(colorConvert, arguments);
      return `\x1B[${code + offset}m`;
    };
    var wrapAnsi256 = (fn, offset) => function() {
      const code = fn.apply(colorConvert, arguments);
      return `\x1B[${38 + offset};5;${code}m`;
    };
    var wrapAnsi16m = (fn, offset) => function() {
      const rgb = fn.apply(colorConvert, arguments);
      return `\x1B[${38 + offset};2;${rgb[0]};${rgb[1]};${rgb[2]}m`;
    };
    function assembleStyles() {
      const codes = /* @__PURE__ */ new Map();
      const styles = {
        modifier: {
          reset: [0, 0],
          // 21 isn't widely supported and 22 does the same thing
          bold: [1, 22],
          dim: [2, 22],
          italic: [3, 23],
          underline: [4, 24],
          inverse: [7, 27],
          hidden: [8, 28],
          strikethrough: [9, 29]
        },
        color: {
          black: [30, 39],
          red: [31, 39],
          green: [32, 39],
          yellow: [33, 39],
          blue: [34, 39],
          magenta: [35, 39],
          cyan: [36, 39],
          white: [37, 39],
          gray: [90, 39],
          // Bright color
          redBright: [91, 39],
          greenBright: [92, 39],
          yellowBright: [93, 39],
          blueBright: [94, 39],
          magentaBright: [95, 39],
          cyanBright: [96, 39],
          whiteBright: [97, 39]
        },
        bgColor: {
          bgBlack: [40, 49],
          bgRed: [41, 49],
          bgGreen: [42, 49],
          bgYellow: [43, 49],
          bgBlue: [44, 49],
          bgMagenta: [45, 49],
          bgCyan: [46, 49],
          bgWhite: [47, 49],
          // Bright color
          bgBlackBright: [100, 49],
          bgRedBright: [101, 49],
          bgGreenBright: [102, 49],
          bgYellowBright: [103, 49],
          bgBlueBright: [104, 49],
          bgMagentaBright: [105, 49],
          bgCyanBright: [106, 49],
          bgWhiteBright: [107, 49]
        }
      };
      styles.color.grey = styles.color.gray;
      for (const groupName of Object.keys(styles)) {
        const group = styles[groupName];
        for (const styleName of Object.keys(group)) {
          const style = group[styleName];
          styles[styleName] = {
            open: `\x1B[${style[0]}m`,
            close: `\x1B[${style[1]}m`
          };
          group[styleName] = styles[styleName];
          codes.set(style[0], style[1]);
        }
        Object.defineProperty(styles, groupName, {
          value: group,
          enumerable: false
        });
        Object.defineProperty(styles, "codes", {
          value: codes,
          enumerable: false
        });
      }
      const ansi2ansi = (n) => n;
      const rgb2rgb = (r, g, b) => [r, g, b];
      styles.color.close = "\x1B[39m";
      styles.bgColor.close = "\x1B[49m";
      styles.color.ansi = {
        ansi: wrapAnsi16(ansi2ansi, 0)
      };
      styles.color.ansi256 = {
        ansi256: wrapAnsi256(ansi2ansi, 0)
      };
      styles.color.ansi16m = {
        rgb: wrapAnsi16m(rgb2rgb, 0)
      };
      styles.bgColor.ansi = {
        ansi: wrapAnsi16(ansi2ansi, 10)
      };
      styles.bgColor.ansi256 = {
        ansi256: wrapAnsi256(ansi2ansi, 10)
      };
      styles.bgColor.ansi16m = {
        rgb: wrapAnsi16m(rgb2rgb, 10)
      };
      for (let key of Object.keys(colorConvert)) {
        if (typeof colorConvert[key] !== "object") {
          continue;
        }
        const suite = colorConvert[key];
        if (key === "ansi16") {
          key = "ansi";
        }
        if ("ansi16" in suite) {
          styles.color.ansi[key] = wrapAnsi16(suite.ansi16, 0);
          styles.bgColor.ansi[key] = wrapAnsi16(suite.ansi16, 10);
        }
        if ("ansi256" in suite) {
          styles.color.ansi256[key] = wrapAnsi256(suite.ansi256, 0);
          styles.bgColor.ansi256[key] = wrapAnsi256(suite.ansi256, 10);
        }
        if ("rgb" in suite) {
          styles.color.ansi16m[key] = wrapAnsi16m(suite.rgb, 0);
          styles.bgColor.ansi16m[key] = wrapAnsi16m(suite.rgb, 10);
        }
      }
      return styles;
    }
    Object.defineProperty(module, "exports", {
      enumerable: true,
      get: assembleStyles
    });
  }
});

// node_modules/has-flag/index.js
var require_has_flag = __commonJS({
  "node_modules/has-flag/index.js"(exports, module) {
    "use strict";
    module.exports = (flag, argv) => {
      argv = argv || process.argv;
      const prefix = flag.startsWith("-") ? "" : flag.length === 1 ? "-" : "--";
      const pos = argv.indexOf(prefix + flag);
      const terminatorPos = argv.indexOf("--");
      return pos !== -1 && (terminatorPos === -1 ? true : pos < terminatorPos);
    };
  }
});

// node_modules/supports-color/index.js
var require_supports_color = __commonJS({
  "node_modules/supports-color/index.js"(exports, module) {
    "use strict";
    var os = __require("os");
    var hasFlag = require_has_flag();
    var env = process.env;
    var forceColor;
    if (hasFlag("no-color") || hasFlag("no-colors") || hasFlag("color=false")) {
      forceColor = false;
    } else if (hasFlag("color") || hasFlag("colors") || hasFlag("color=true") || hasFlag("color=always")) {
      forceColor = true;
    }
    if ("FORCE_COLOR" in env) {
      forceColor = env.FORCE_COLOR.length === 0 || parseInt(env.FORCE_COLOR, 10) !== 0;
    }
    function translateLevel(level) {
      if (level === 0) {
        return false;
      }
      return {
        level,
        hasBasic: true,
        has256: level >= 2,
        has16m: level >= 3
      };
    }
    function supportsColor(stream) {
      if (forceColor === false) {
        return 0;
      }
      if (hasFlag("color=16m") || hasFlag("color=full") || hasFlag("color=truecolor")) {
        return 3;
      }
      if (hasFlag("color=256")) {
        return 2;
      }
      if (stream && !stream.isTTY && forceColor !== true) {
        return 0;
      }
      const min = forceColor ? 1 : 0;
      if (process.platform === "win32") {
        const osRelease = os.release().split(".");
        if (Number(process.versions.node.split(".")[0]) >= 8 && Number(osRelease[0]) >= 10 && Number(osRelease[2]) >= 10586) {
          return Number(osRelease[2]) >= 14931 ? 3 : 2;
        }
        return 1;
      }
      if ("CI" in env) {
        if (["TRAVIS", "CIRCLECI", "APPVEYOR", "GITLAB_CI"].some((sign) => sign in env) || env.CI_NAME === "codeship") {
          return 1;
        }
        return min;
      }
      if ("TEAMCITY_VERSION" in env) {
        return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
      }
      if (env.COLORTERM === "truecolor") {
        return 3;
      }
      if ("TERM_PROGRAM" in env) {
        const version = parseInt((env.TERM_PROGRAM_VERSION || "").split(".")[0], 10);
        switch (env.TERM_PROGRAM) {
          case "iTerm.app":
            return version >= 3 ? 3 : 2;
          case "Apple_Terminal":
            return 2;
        }
      }
      if (/-256(color)?$/i.test(env.TERM)) {
        return 2;
      }
      if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
        return 1;
      }
      if ("COLORTERM" in env) {
        return 1;
      }
      if (env.TERM === "dumb") {
        return min;
      }
      return min;
    }
    function getSupportLevel(stream) {
      const level = supportsColor(stream);
      return translateLevel(level);
    }
    module.exports = {
      supportsColor: getSupportLevel,
      stdout: getSupportLevel(process.stdout),
      stderr: getSupportLevel(process.stderr)
    };
  }
});

// node_modules/chalk/templates.js
var require_templates = __commonJS({
  "node_modules/chalk/templates.js"(exports, module) {
    "use strict";
    var TEMPLATE_REGEX = /(?:\\(u[a-f\d]{4}|x[a-f\d]{2}|.))|(?:\{(~)?(\w+(?:\([^)]*\))?(?:\.\w+(?:\([^)]*\))?)*)(?:[ \t]|(?=\r?\n)))|(\})|((?:.|[\r\n\f])+?)/gi;
    var STYLE_REGEX = /(?:^|\.)(\w+)(?:\(([^)]*)\))?/g;
    var STRING_REGEX = /^(['"])((?:\\.|(?!\1)[^\\])*)\1$/;
    var ESCAPE_REGEX = /\\(u[a-f\d]{4}|x[a-f\d]{2}|.)|([^\\])/gi;
    var ESCAPES = /* @__PURE__ */ new Map([
      ["n", "\n"],
      ["r", "\r"],
      ["t", "	"],
      ["b", "\b"],
      ["f", "\f"],
      ["v", "\v"],
      ["0", "\0"],
      ["\\", "\\"],
      ["e", "\x1B"],
      ["a", "\x07"]
    ]);
    function unescape(c) {
      if (c[0] === "u" && c.length === 5 || c[0] === "x" && c.length === 3) {
        return String.fromCharCode(parseInt(c.slice(1), 16));
      }
      return ESCAPES.get(c) || c;
    }
    function parseArguments(name, args) {
      const results = [];
      const chunks = args.trim().split(/\s*,\s*/g);
      let matches;
      for (const chunk of chunks) {
        if (!isNaN(chunk)) {
          results.push(Number(chunk));
        } else if (matches = chunk.match(STRING_REGEX)) {
          results.push(matches[2].replace(ESCAPE_REGEX, (m, escape, chr) => escape ? unescape(escape) : chr));
        } else {
          throw new Error(`Invalid Chalk template style argument: ${chunk} (in style '${name}')`);
        }
      }
      return results;
    }
    function parseStyle(style) {
      STYLE_REGEX.lastIndex = 0;
      const results = [];
      let matches;
      while ((matches = STYLE_REGEX.exec(style)) !== null) {
        const name = matches[1];
        if (matches[2]) {
          const args = parseArguments(name, matches[2]);
          results.push([name].concat(args));
        } else {
          results.push([name]);
        }
      }
      return results;
    }
    function buildStyle(chalk2, styles) {
      const enabled = {};
      for (const layer of styles) {
        for (const style of layer.styles) {
          enabled[style[0]] = layer.inverse ? null : style.slice(1);
        }
      }
      let current = chalk2;
      for (const styleName of Object.keys(enabled)) {
        if (Array.isArray(enabled[styleName])) {
          if (!(styleName in current)) {
            throw new Error(`Unknown Chalk style: ${styleName}`);
          }
          if (enabled[styleName].length > 0) {
            current = current[styleName].apply(current, enabled[styleName]);
          } else {
            current = current[styleName];
          }
        }
      }
      return current;
    }
    module.exports = (chalk2, tmp) => {
      const styles = [];
      const chunks = [];
      let chunk = [];
      tmp.replace(TEMPLATE_REGEX, (m, escapeChar, inverse, style, close, chr) => {
        if (escapeChar) {
          chunk.push(unescape(escapeChar));
        } else if (style) {
          const str = chunk.join("");
          chunk = [];
          chunks.push(styles.length === 0 ? str : buildStyle(chalk2, styles)(str));
          styles.push({ inverse, styles: parseStyle(style) });
        } else if (close) {
          if (styles.length === 0) {
            throw new Error("Found extraneous } in Chalk template literal");
          }
          chunks.push(buildStyle(chalk2, styles)(chunk.join("")));
          chunk = [];
          styles.pop();
        } else {
          chunk.push(chr);
        }
      });
      chunks.push(chunk.join(""));
      if (styles.length > 0) {
        const errMsg = `Chalk template literal is missing ${styles.length} closing bracket${styles.length === 1 ? "" : "s"} (\`}\`)`;
        throw new Error(errMsg);
      }
      return chunks.join("");
    };
  }
});

// node_modules/chalk/index.js
var require_chalk = __commonJS({
  "node_modules/chalk/index.js"(exports, module) {
    "use strict";
    var escapeStringRegexp = require_escape_string_regexp();
    var ansiStyles = require_ansi_styles();
    var stdoutColor = require_supports_color().stdout;
    var template = require_templates();
    var isSimpleWindowsTerm = process.platform === "win32" && !(process.env.TERM || "").toLowerCase().startsWith("xterm");
    var levelMapping = ["ansi", "ansi", "ansi256", "ansi16m"];
    var skipModels = /* @__PURE__ */ new Set(["gray"]);
    var styles = /* @__PURE__ */ Object.create(null);
    function applyOptions(obj, options) {
      options = options || {};
      const scLevel = stdoutColor ? stdoutColor.level : 0;
      obj.level = options.level === void 0 ? scLevel : options.level;
      obj.enabled = "enabled" in options ? options.enabled : obj.level > 0;
    }
    function Chalk(options) {
      if (!this || !(this instanceof Chalk) || this.template) {
        const chalk2 = {};
        applyOptions(chalk2, options);
        chalk2.template = function() {
          const args = [].slice.call(arguments);
          return chalkTag.apply(null, [chalk2.template].concat(args));
        };
        Object.setPrototypeOf(chalk2, Chalk.prototype);
        Object.setPrototypeOf(chalk2.template, chalk2);
        chalk2.template.constructor = Chalk;
        return chalk2.template;
      }
      applyOptions(this, options);
    }
    if (isSimpleWindowsTerm) {
      ansiStyles.blue.open = "\x1B[94m";
    }
    for (const key of Object.keys(ansiStyles)) {
      ansiStyles[key].closeRe = new RegExp(escapeStringRegexp(ansiStyles[key].close), "g");
      styles[key] = {
        get() {
          const codes = ansiStyles[key];
          return build.call(this, this._styles ? this._styles.concat(codes) : [codes], this._empty, key);
        }
      };
    }
    styles.visible = {
      get() {
        return build.call(this, this._styles || [], true, "visible");
      }
    };
    ansiStyles.color.closeRe = new RegExp(escapeStringRegexp(ansiStyles.color.close), "g");
    for (const model of Object.keys(ansiStyles.color.ansi)) {
      if (skipModels.has(model)) {
        continue;
      }
      styles[model] = {
        get() {
          const level = this.level;
          return function() {
            const open = ansiStyles.color[levelMapping[level]][model].apply(null, arguments);
            const codes = {
              open,
              close: ansiStyles.color.close,
              closeRe: ansiStyles.color.closeRe
            };
            return build.call(this, this._styles ? this._styles.concat(codes) : [codes], this._empty, model);
          };
        }
      };
    }
    ansiStyles.bgColor.closeRe = new RegExp(escapeStringRegexp(ansiStyles.bgColor.close), "g");
    for (const model of Object.keys(ansiStyles.bgColor.ansi)) {
      if (skipModels.has(model)) {
        continue;
      }
      const bgModel = "bg" + model[0].toUpperCase() + model.slice(1);
      styles[bgModel] = {
        get() {
          const level = this.level;
          return function() {
            const open = ansiStyles.bgColor[levelMapping[level]][model].apply(null, arguments);
            const codes = {
              open,
              close: ansiStyles.bgColor.close,
              closeRe: ansiStyles.bgColor.closeRe
            };
            return build.call(this, this._styles ? this._styles.concat(codes) : [codes], this._empty, model);
          };
        }
      };
    }
    var proto = Object.defineProperties(() => {
    }, styles);
    function build(_styles, _empty, key) {
      const builder = function() {
        return applyStyle.apply(builder, arguments);
      };
      builder._styles = _styles;
      builder._empty = _empty;
      const self = this;
      Object.defineProperty(builder, "level", {
        enumerable: true,
        get() {
          return self.level;
        },
        set(level) {
          self.level = level;
        }
      });
      Object.defineProperty(builder, "enabled", {
        enumerable: true,
        get() {
          return self.enabled;
        },
        set(enabled) {
          self.enabled = enabled;
        }
      });
      builder.hasGrey = this.hasGrey || key === "gray" || key === "grey";
      builder.__proto__ = proto;
      return builder;
    }
    function applyStyle() {
      const args = arguments;
      const argsLen = args.length;
      let str = String(arguments[0]);
      if (argsLen === 0) {
        return "";
      }
      if (argsLen > 1) {
        for (let a = 1; a < argsLen; a++) {
          str += " " + args[a];
        }
      }
      if (!this.enabled || this.level <= 0 || !str) {
        return this._empty ? "" : str;
      }
      const originalDim = ansiStyles.dim.open;
      if (isSimpleWindowsTerm && this.hasGrey) {
        ansiStyles.dim.open = "";
      }
      for (const code of this._styles.slice().reverse()) {
        str = code.open + str.replace(code.closeRe, code.open) + code.close;
        str = str.replace(/\r?\n/g, `${code.close}$&${code.open}`);
      }
      ansiStyles.dim.open = originalDim;
      return str;
    }
    function chalkTag(chalk2, strings) {
      if (!Array.isArray(strings)) {
        return [].slice.call(arguments, 1).join(" ");
      }
      const args = [].slice.call(arguments, 2);
      const parts = [strings.raw[0]];
      for (let i = 1; i < strings.length; i++) {
        parts.push(String(args[i - 1]).replace(/[{}\\]/g, "\\$&"));
        parts.push(String(strings.raw[i]));
      }
      return template(chalk2, parts.join(""));
    }
    Object.defineProperties(Chalk.prototype, styles);
    module.exports = Chalk();
    module.exports.supportsColor = stdoutColor;
    module.exports.default = module.exports;
  }
});

// node_modules/@babel/highlight/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/@babel/highlight/lib/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.default = highlight;
    exports.shouldHighlight = shouldHighlight;
    var _jsTokens = require_js_tokens();
    var _helperValidatorIdentifier = require_lib();
    var _picocolors = _interopRequireWildcard(require_picocolors(), true);
    function _getRequireWildcardCache(e) {
      if ("function" != typeof WeakMap) return null;
      var r = /* @__PURE__ */ new WeakMap(), t = /* @__PURE__ */ new WeakMap();
      return (_getRequireWildcardCache = function(e2) {
        return e2 ? t : r;
      })(e);
    }
    function _interopRequireWildcard(e, r) {
      if (!r && e && e.__esModule) return e;
      if (null === e || "object" != typeof e && "function" != typeof e) return { default: e };
      var t = _getRequireWildcardCache(r);
      if (t && t.has(e)) return t.get(e);
      var n = { __proto__: null }, a = Object.defineProperty && Object.getOwnPropertyDescriptor;
      for (var u in e) if ("default" !== u && {}.hasOwnProperty.call(e, u)) {
        var i = a ? Object.getOwnPropertyDescriptor(e, u) : null;
        i && (i.get || i.set) ? Object.defineProperty(n, u, i) : n[u] = e[u];
      }
      return n.default = e, t && t.set(e, n), n;
    }
    var colors = typeof process === "object" && (process.env.FORCE_COLOR === "0" || process.env.FORCE_COLOR === "false") ? (0, _picocolors.createColors)(false) : _picocolors.default;
    var compose = (f, g) => (v) => f(g(v));
    var sometimesKeywords = /* @__PURE__ */ new Set(["as", "async", "from", "get", "of", "set"]);
    function getDefs(colors2) {
      return {
        keyword: colors2.cyan,
        capitalized: colors2.yellow,
        jsxIdentifier: colors2.yellow,
        punctuator: colors2.yellow,
        number: colors2.magenta,
        string: colors2.green,
        regex: colors2.magenta,
        comment: colors2.gray,
        invalid: compose(compose(colors2.white, colors2.bgRed), colors2.bold)
      };
    }
    var NEWLINE = /\r\n|[\n\r\u2028\u2029]/;
    var BRACKET = /^[()[\]{}]$/;
    var tokenize;
    {
      const JSX_TAG = /^[a-z][\w-]*$/i;
      const getTokenType = function(token, offset, text) {
        if (token.type === "name") {
          if ((0, _helperValidatorIdentifier.isKeyword)(token.value) || (0, _helperValidatorIdentifier.isStrictReservedWord)(token.value, true) || sometimesKeywords.has(token.value)) {
            return "keyword";
          }
          if (JSX_TAG.test(token.value) && (text[offset - 1] === "<" || text.slice(offset - 2, offset) === "</")) {
            return "jsxIdentifier";
          }
          if (token.value[0] !== token.value[0].toLowerCase()) {
            return "capitalized";
          }
        }
        if (token.type === "punctuator" && BRACKET.test(token.value)) {
          return "bracket";
        }
        if (token.type === "invalid" && (token.value === "@" || token.value === "#")) {
          return "punctuator";
        }
        return token.type;
      };
      tokenize = function* (text) {
        let match;
        while (match = _jsTokens.default.exec(text)) {
          const token = _jsTokens.matchToToken(match);
          yield {
            type: getTokenType(token, match.index, text),
            value: token.value
          };
        }
      };
    }
    function highlightTokens(defs, text) {
      let highlighted = "";
      for (const {
        type,
        value
      } of tokenize(text)) {
        const colorize = defs[type];
        if (colorize) {
          highlighted += value.split(NEWLINE).map((str) => colorize(str)).join("\n");
        } else {
          highlighted += value;
        }
      }
      return highlighted;
    }
    function shouldHighlight(options) {
      return colors.isColorSupported || options.forceColor;
    }
    var pcWithForcedColor = void 0;
    function getColors(forceColor) {
      if (forceColor) {
        var _pcWithForcedColor;
        (_pcWithForcedColor = pcWithForcedColor) != null ? _pcWithForcedColor : pcWithForcedColor = (0, _picocolors.createColors)(true);
        return pcWithForcedColor;
      }
      return colors;
    }
    function highlight(code, options = {}) {
      if (code !== "" && shouldHighlight(options)) {
        const defs = getDefs(getColors(options.forceColor));
        return highlightTokens(defs, code);
      } else {
        return code;
      }
    }
    {
      let chalk2, chalkWithForcedColor;
      exports.getChalk = ({
        forceColor
      }) => {
        var _chalk;
        (_chalk = chalk2) != null ? _chalk : chalk2 = require_chalk();
        if (forceColor) {
          var _chalkWithForcedColor;
          (_chalkWithForcedColor = chalkWithForcedColor) != null ? _chalkWithForcedColor : chalkWithForcedColor = new chalk2.constructor({
            enabled: true,
            level: 1
          });
          return chalkWithForcedColor;
        }
        return chalk2;
      };
    }
  }
});

// node_modules/@babel/code-frame/lib/index.js
var require_lib3 = __commonJS({
  "node_modules/@babel/code-frame/lib/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", {
      value: true
    });
    exports.codeFrameColumns = codeFrameColumns;
    exports.default = _default;
    function _highlight() {
      const data = _interopRequireWildcard(require_lib2());
      _highlight = function() {
        return data;
      };
      return data;
    }
    function _interopRequireWildcard(obj) {
      if (obj && obj.__esModule) {
        return obj;
      } else {
        var newObj = {};
        if (obj != null) {
          for (var key in obj) {
            if (Object.prototype.hasOwnProperty.call(obj, key)) {
              var desc = Object.defineProperty && Object.getOwnPropertyDescriptor ? Object.getOwnPropertyDescriptor(obj, key) : {};
              if (desc.get || desc.set) {
                Object.defineProperty(newObj, key, desc);
              } else {
                newObj[key] = obj[key];
              }
            }
          }
        }
        newObj.default = obj;
        return newObj;
      }
    }
    var deprecationWarningShown = false;
    function getDefs(chalk2) {
      return {
        gutter: chalk2.grey,
        marker: chalk2.red.bold,
        message: chalk2.red.bold
      };
    }
    var NEWLINE = /\r\n|[\n\r\u2028\u2029]/;
    function getMarkerLines(loc, source, opts) {
      const startLoc = Object.assign({
        column: 0,
        line: -1
      }, loc.start);
      const endLoc = Object.assign({}, startLoc, loc.end);
      const {
        linesAbove = 2,
        linesBelow = 3
      } = opts || {};
      const startLine = startLoc.line;
      const startColumn = startLoc.column;
      const endLine = endLoc.line;
      const endColumn = endLoc.column;
      let start = Math.max(startLine - (linesAbove + 1), 0);
      let end = Math.min(source.length, endLine + linesBelow);
      if (startLine === -1) {
        start = 0;
      }
      if (endLine === -1) {
        end = source.length;
      }
      const lineDiff = endLine - startLine;
      const markerLines = {};
      if (lineDiff) {
        for (let i = 0; i <= lineDiff; i++) {
          const lineNumber = i + startLine;
          if (!startColumn) {
            markerLines[lineNumber] = true;
          } else if (i === 0) {
            const sourceLength = source[lineNumber - 1].length;
            markerLines[lineNumber] = [startColumn, sourceLength - startColumn];
          } else if (i === lineDiff) {
            markerLines[lineNumber] = [0, endColumn];
          } else {
            const sourceLength = source[lineNumber - i].length;
            markerLines[lineNumber] = [0, sourceLength];
          }
        }
      } else {
        if (startColumn === endColumn) {
          if (startColumn) {
            markerLines[startLine] = [startColumn, 0];
          } else {
            markerLines[startLine] = true;
          }
        } else {
          markerLines[startLine] = [startColumn, endColumn - startColumn];
        }
      }
      return {
        start,
        end,
        markerLines
      };
    }
    function codeFrameColumns(rawLines, loc, opts = {}) {
      const highlighted = (opts.highlightCode || opts.forceColor) && (0, _highlight().shouldHighlight)(opts);
      const chalk2 = (0, _highlight().getChalk)(opts);
      const defs = getDefs(chalk2);
      const maybeHighlight = (chalkFn, string) => {
        return highlighted ? chalkFn(string) : string;
      };
      if (highlighted) rawLines = (0, _highlight().default)(rawLines, opts);
      const lines = rawLines.split(NEWLINE);
      const {
        start,
        end,
        markerLines
      } = getMarkerLines(loc, lines, opts);
      const hasColumns = loc.start && typeof loc.start.column === "number";
      const numberMaxWidth = String(end).length;
      let frame = lines.slice(start, end).map((line, index) => {
        const number = start + 1 + index;
        const paddedNumber = ` ${number}`.slice(-numberMaxWidth);
        const gutter = ` ${paddedNumber} | `;
        const hasMarker = markerLines[number];
        const lastMarkerLine = !markerLines[number + 1];
        if (hasMarker) {
          let markerLine = "";
          if (Array.isArray(hasMarker)) {
            const markerSpacing = line.slice(0, Math.max(hasMarker[0] - 1, 0)).replace(/[^\t]/g, " ");
            const numberOfMarkers = hasMarker[1] || 1;
            markerLine = ["\n ", maybeHighlight(defs.gutter, gutter.replace(/\d/g, " ")), markerSpacing, maybeHighlight(defs.marker, "^").repeat(numberOfMarkers)].join("");
            if (lastMarkerLine && opts.message) {
              markerLine += " " + maybeHighlight(defs.message, opts.message);
            }
          }
          return [maybeHighlight(defs.marker, ">"), maybeHighlight(defs.gutter, gutter), line, markerLine].join("");
        } else {
          return ` ${maybeHighlight(defs.gutter, gutter)}${line}`;
        }
      }).join("\n");
      if (opts.message && !hasColumns) {
        frame = `${" ".repeat(numberMaxWidth + 1)}${opts.message}
${frame}`;
      }
      if (highlighted) {
        return chalk2.reset(frame);
      } else {
        return frame;
      }
    }
    function _default(rawLines, lineNumber, colNumber, opts = {}) {
      if (!deprecationWarningShown) {
        deprecationWarningShown = true;
        const message = "Passing lineNumber and colNumber is deprecated to @babel/code-frame. Please use `codeFrameColumns`.";
        if (process.emitWarning) {
          process.emitWarning(message, "DeprecationWarning");
        } else {
          const deprecationError = new Error(message);
          deprecationError.name = "DeprecationWarning";
          console.warn(new Error(message));
        }
      }
      colNumber = Math.max(colNumber, 0);
      const location = {
        start: {
          column: colNumber,
          line: lineNumber
        }
      };
      return codeFrameColumns(rawLines, location, opts);
    }
  }
});

// src/formats/code-frame-window.ts
function windowedCodeFrame(source, loc, opts = {}) {
  if (cachedSource !== source) {
    cachedSource = source;
    cachedLines = source.split(LINE_BREAK);
  }
  const line = loc.start.line;
  const first = Math.max(0, line - 1 - LINES_ABOVE);
  const end = Math.min(cachedLines.length, line + LINES_BELOW);
  const frame = original(cachedLines.slice(first, end).join("\n"), { start: { ...loc.start, line: line - first } }, { ...opts, highlightCode: false, forceColor: false });
  const width = String(end).length;
  return frame.split("\n").map((l) => {
    const m = /^([> ]) +(\d*) \|/.exec(l);
    if (!m) return l;
    const number = m[2] === "" ? "" : String(Number(m[2]) + first);
    return `${m[1]} ${number.padStart(width)} |${l.slice(m[0].length)}`;
  }).join("\n");
}
var import_code_frame, WINDOW_ABOVE_CHARS, LINES_ABOVE, LINES_BELOW, LINE_BREAK, babel, original, cachedSource, cachedLines;
var init_code_frame_window = __esm({
  "src/formats/code-frame-window.ts"() {
    "use strict";
    import_code_frame = __toESM(require_lib3(), 1);
    WINDOW_ABOVE_CHARS = 64 * 1024;
    LINES_ABOVE = 2;
    LINES_BELOW = 3;
    LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
    babel = import_code_frame.default;
    original = babel.codeFrameColumns;
    cachedLines = [];
    babel.codeFrameColumns = (rawLines, loc, opts) => typeof rawLines === "string" && rawLines.length > WINDOW_ABOVE_CHARS && loc?.start?.line !== void 0 ? windowedCodeFrame(rawLines, loc, opts) : original(rawLines, loc, opts);
  }
});

// node_modules/ansi-regex/index.js
var require_ansi_regex = __commonJS({
  "node_modules/ansi-regex/index.js"(exports, module) {
    "use strict";
    module.exports = (options) => {
      options = Object.assign({
        onlyFirst: false
      }, options);
      const pattern = [
        "[\\u001B\\u009B][[\\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\\u0007)",
        "(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))"
      ].join("|");
      return new RegExp(pattern, options.onlyFirst ? void 0 : "g");
    };
  }
});

// node_modules/strip-ansi/index.js
var require_strip_ansi = __commonJS({
  "node_modules/strip-ansi/index.js"(exports, module) {
    "use strict";
    var ansiRegex = require_ansi_regex();
    var stripAnsi2 = (string) => typeof string === "string" ? string.replace(ansiRegex(), "") : string;
    module.exports = stripAnsi2;
    module.exports.default = stripAnsi2;
  }
});

// node_modules/text-table/index.js
var require_text_table = __commonJS({
  "node_modules/text-table/index.js"(exports, module) {
    module.exports = function(rows_, opts) {
      if (!opts) opts = {};
      var hsep = opts.hsep === void 0 ? "  " : opts.hsep;
      var align = opts.align || [];
      var stringLength = opts.stringLength || function(s) {
        return String(s).length;
      };
      var dotsizes = reduce(rows_, function(acc, row) {
        forEach(row, function(c, ix) {
          var n = dotindex(c);
          if (!acc[ix] || n > acc[ix]) acc[ix] = n;
        });
        return acc;
      }, []);
      var rows = map(rows_, function(row) {
        return map(row, function(c_, ix) {
          var c = String(c_);
          if (align[ix] === ".") {
            var index = dotindex(c);
            var size = dotsizes[ix] + (/\./.test(c) ? 1 : 2) - (stringLength(c) - index);
            return c + Array(size).join(" ");
          } else return c;
        });
      });
      var sizes = reduce(rows, function(acc, row) {
        forEach(row, function(c, ix) {
          var n = stringLength(c);
          if (!acc[ix] || n > acc[ix]) acc[ix] = n;
        });
        return acc;
      }, []);
      return map(rows, function(row) {
        return map(row, function(c, ix) {
          var n = sizes[ix] - stringLength(c) || 0;
          var s = Array(Math.max(n + 1, 1)).join(" ");
          if (align[ix] === "r" || align[ix] === ".") {
            return s + c;
          }
          if (align[ix] === "c") {
            return Array(Math.ceil(n / 2 + 1)).join(" ") + c + Array(Math.floor(n / 2 + 1)).join(" ");
          }
          return c + s;
        }).join(hsep).replace(/\s+$/, "");
      }).join("\n");
    };
    function dotindex(c) {
      var m = /\.[^.]*$/.exec(c);
      return m ? m.index + 1 : c.length;
    }
    function reduce(xs, f, init) {
      if (xs.reduce) return xs.reduce(f, init);
      var i = 0;
      var acc = arguments.length >= 3 ? init : xs[i++];
      for (; i < xs.length; i++) {
        f(acc, xs[i], i);
      }
      return acc;
    }
    function forEach(xs, f) {
      if (xs.forEach) return xs.forEach(f);
      for (var i = 0; i < xs.length; i++) {
        f.call(xs, xs[i], i);
      }
    }
    function map(xs, f) {
      if (xs.map) return xs.map(f);
      var res = [];
      for (var i = 0; i < xs.length; i++) {
        res.push(f.call(xs, xs[i], i));
      }
      return res;
    }
  }
});

// node_modules/extend/index.js
var require_extend = __commonJS({
  "node_modules/extend/index.js"(exports, module) {
    "use strict";
    var hasOwn = Object.prototype.hasOwnProperty;
    var toStr = Object.prototype.toString;
    var defineProperty = Object.defineProperty;
    var gOPD = Object.getOwnPropertyDescriptor;
    var isArray = function isArray2(arr) {
      if (typeof Array.isArray === "function") {
        return Array.isArray(arr);
      }
      return toStr.call(arr) === "[object Array]";
    };
    var isPlainObject = function isPlainObject2(obj) {
      if (!obj || toStr.call(obj) !== "[object Object]") {
        return false;
      }
      var hasOwnConstructor = hasOwn.call(obj, "constructor");
      var hasIsPrototypeOf = obj.constructor && obj.constructor.prototype && hasOwn.call(obj.constructor.prototype, "isPrototypeOf");
      if (obj.constructor && !hasOwnConstructor && !hasIsPrototypeOf) {
        return false;
      }
      var key;
      for (key in obj) {
      }
      return typeof key === "undefined" || hasOwn.call(obj, key);
    };
    var setProperty = function setProperty2(target, options) {
      if (defineProperty && options.name === "__proto__") {
        defineProperty(target, options.name, {
          enumerable: true,
          configurable: true,
          value: options.newValue,
          writable: true
        });
      } else {
        target[options.name] = options.newValue;
      }
    };
    var getProperty = function getProperty2(obj, name) {
      if (name === "__proto__") {
        if (!hasOwn.call(obj, name)) {
          return void 0;
        } else if (gOPD) {
          return gOPD(obj, name).value;
        }
      }
      return obj[name];
    };
    module.exports = function extend() {
      var options, name, src, copy, copyIsArray, clone;
      var target = arguments[0];
      var i = 1;
      var length = arguments.length;
      var deep = false;
      if (typeof target === "boolean") {
        deep = target;
        target = arguments[1] || {};
        i = 2;
      }
      if (target == null || typeof target !== "object" && typeof target !== "function") {
        target = {};
      }
      for (; i < length; ++i) {
        options = arguments[i];
        if (options != null) {
          for (name in options) {
            src = getProperty(target, name);
            copy = getProperty(options, name);
            if (target !== copy) {
              if (deep && copy && (isPlainObject(copy) || (copyIsArray = isArray(copy)))) {
                if (copyIsArray) {
                  copyIsArray = false;
                  clone = src && isArray(src) ? src : [];
                } else {
                  clone = src && isPlainObject(src) ? src : {};
                }
                setProperty(target, { name, newValue: extend(deep, clone, copy) });
              } else if (typeof copy !== "undefined") {
                setProperty(target, { name, newValue: copy });
              }
            }
          }
        }
      }
      return target;
    };
  }
});

// node_modules/eslint-formatter-friendly/process.js
var require_process = __commonJS({
  "node_modules/eslint-formatter-friendly/process.js"(exports, module) {
    module.exports = process;
  }
});

// node_modules/eslint-formatter-friendly/index.js
var require_eslint_formatter_friendly = __commonJS({
  "node_modules/eslint-formatter-friendly/index.js"(exports, module) {
    "use strict";
    var chalk2 = require_chalk();
    var stripAnsi2 = require_strip_ansi();
    var table = require_text_table();
    var extend = require_extend();
    var path3 = __require("path");
    var process2 = require_process();
    var fs = __require("fs");
    var codeFrameColumns = require_lib3().codeFrameColumns;
    function pluralize2(word, count) {
      return count === 1 ? word : word + "s";
    }
    var parseBoolEnvVar = function(varName) {
      var env = process2.env || {};
      return env[varName] === "true";
    };
    var parseEnvVal = function(varName) {
      var env = process2.env || {};
      return env[varName];
    };
    var subtleLog = function(args) {
      return parseBoolEnvVar("EFF_NO_GRAY") ? args : chalk2.gray(args);
    };
    var getEnvVar = function(varName) {
      var env = process2.env || {};
      return env[varName] || false;
    };
    var getFileLink = function(_path, line, column) {
      var scheme = getEnvVar("EFF_EDITOR_SCHEME");
      if (scheme === false) {
        return false;
      }
      return scheme.replace("{file}", encodeURIComponent(_path)).replace("{line}", line).replace("{column}", column);
    };
    var getKeyLink = function(key) {
      var noLinkRules = parseBoolEnvVar("EFF_NO_LINK_RULES");
      var url = key.indexOf("/") > -1 ? "https://google.com/#q=" : "http://eslint.org/docs/rules/";
      return !noLinkRules ? chalk2.underline(subtleLog(url + chalk2.white(encodeURIComponent(key)))) : chalk2.white(key);
    };
    var printSummary = function(hash, title, method) {
      var res = "\n\n" + chalk2[method](title + ":") + chalk2.white("\n");
      res += table(
        Object.keys(hash).sort(function(a, b) {
          return hash[a] > hash[b] ? -1 : 1;
        }).map(function(key) {
          return [
            "",
            hash[key],
            getKeyLink(key)
          ];
        }),
        {
          align: [
            "",
            "r",
            "l"
          ],
          stringLength: function(str) {
            return stripAnsi2(str).length;
          }
        }
      );
      return res;
    };
    module.exports = function(results) {
      var output = "\n", total = 0, errors = 0, warnings = 0, summaryColor = "yellow";
      results = results || [];
      var entries = [];
      var absolutePathsToFile = parseBoolEnvVar("EFF_ABSOLUTE_PATHS");
      var groupByIssue = parseBoolEnvVar("EFF_BY_ISSUE");
      var filterRule = parseEnvVal("EFF_FILTER");
      var showSource = !parseBoolEnvVar("EFF_NO_SOURCE");
      var errorsHash = {};
      var warningsHash = {};
      results.forEach(function(result) {
        var messages5 = result.messages || [];
        const fileSource = result.source || fs.readFileSync(result.filePath, "utf8");
        entries = entries.concat(messages5.map(function(message) {
          return extend({
            filePath: absolutePathsToFile ? path3.resolve(result.filePath) : path3.relative(".", result.filePath)
          }, message, {
            fileSource
          });
        }));
      });
      entries.sort(function(a, b) {
        if (a.severity > b.severity) {
          return 1;
        }
        if (a.severity < b.severity) {
          return -1;
        }
        if (groupByIssue) {
          if (a.ruleId > b.ruleId) {
            return 1;
          }
          if (a.ruleId < b.ruleId) {
            return -1;
          }
        }
        var pathSort = a.filePath.localeCompare(b.filePath);
        if (pathSort) {
          return pathSort;
        }
        if (a.line > b.line) {
          return 1;
        }
        if (a.line < b.line) {
          return -1;
        }
        if (a.column > b.column) {
          return 1;
        }
        if (a.column < b.column) {
          return -1;
        }
        return 0;
      });
      var lastRuleId;
      output += entries.reduce(function(seq, message) {
        var messageType;
        if (filterRule) {
          if (message.ruleId !== filterRule) {
            return seq;
          }
        }
        if (message.fatal || message.severity === 2) {
          messageType = chalk2.red("\u2718");
          summaryColor = "red";
          errorsHash[message.ruleId] = (errorsHash[message.ruleId] || 0) + 1;
          errors++;
        } else {
          messageType = chalk2.yellow("\u26A0");
          warningsHash[message.ruleId] = (warningsHash[message.ruleId] || 0) + 1;
          warnings++;
        }
        var line = message.line || 0;
        var column = message.column || 0;
        var filePath = message.filePath;
        var link = getFileLink(filePath, line, column);
        var filename = subtleLog(filePath + ":" + line + ":" + column);
        function renderTitle() {
          return "\n  " + messageType + "  " + getKeyLink(message.ruleId || "");
        }
        function renderLink() {
          return link === false ? "" : "     " + chalk2.underline(subtleLog(link));
        }
        function renderDescription() {
          return "\n     " + message.message.replace(/\.$/, "") + "\n";
        }
        function renderFileLink() {
          return (showSource ? "\n" : "") + "     " + (link === false ? chalk2.underline(filename) : filename);
        }
        function renderSourceCode() {
          const location = {
            start: {
              line: message.line,
              column: message.column
            }
          };
          return showSource ? codeFrameColumns(message.fileSource, location, {
            highlightCode: true
          }).split("\n").map((l) => "   " + l).join("\n") : "";
        }
        function createLine(arr) {
          return arr.filter(function(l) {
            return !!(l || "").trim();
          }).join("\n");
        }
        if (groupByIssue) {
          var isSameIssueAsLastOne = lastRuleId === message.ruleId;
          lastRuleId = message.ruleId;
          seq.push(createLine([
            !isSameIssueAsLastOne ? renderTitle() : "",
            !isSameIssueAsLastOne ? renderLink() : "",
            !isSameIssueAsLastOne ? renderDescription() : "",
            renderFileLink(),
            renderSourceCode()
          ]));
        } else {
          seq.push(createLine([
            renderTitle(),
            renderLink(),
            renderDescription(),
            renderFileLink(),
            renderSourceCode()
          ]));
        }
        return seq;
      }, []).join("\n") + "\n\n";
      total = entries.length;
      if (total > 0) {
        output += chalk2[summaryColor].bold([
          "\u2718 ",
          total,
          pluralize2(" problem", total),
          " (",
          errors,
          pluralize2(" error", errors),
          ", ",
          warnings,
          pluralize2(" warning", warnings),
          ")"
        ].join("")) + chalk2.white("\n");
        if (errors > 0) {
          output += printSummary(errorsHash, "Errors", "red");
        }
        if (warnings > 0) {
          output += printSummary(warningsHash, "Warnings", "yellow") + "\n";
        }
      }
      if (process2.env.FORCE_ITERM_HINT === "true" || process2.stdout.isTTY && !process2.env.CI) {
        output = "\x1B]1337;CurrentDir=" + process2.cwd() + "\x07" + output;
      }
      return total > 0 ? output : "";
    };
  }
});

// src/formats/text.ts
var text_exports = {};
__export(text_exports, {
  MAX_FRAME_LINE: () => MAX_FRAME_LINE,
  formatCodeframe: () => formatCodeframe
});
import { relative as relative3 } from "node:path";
function formatCodeframe(result, opts) {
  const problems = result.diagnostics.filter((d) => !d.unchecked);
  const notes = result.diagnostics.filter((d) => d.unchecked);
  const footer = notes.length > 0 ? notesFooter2(notes, outputWidth(opts), opts.color) : "";
  if (problems.length === 0) return footer.replace(/^\n/, "");
  return withChalkColor(opts.color, () => {
    const { results: eslintResults, framed } = toEslintResults({ ...result, diagnostics: problems });
    const rendered = restoreFramedLocations(withFriendlyEnv(() => (0, import_eslint_formatter_friendly.default)(eslintResults)), framed);
    const findings = stripFriendlySummary(stripItermHint(rendered), eslintResults);
    const text = findings + summaryText(problems) + footer;
    return opts.color ? text : stripAnsi(text);
  });
}
function toEslintResults(result) {
  const byFile = /* @__PURE__ */ new Map();
  for (const d of result.diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out = [];
  const framed = [];
  for (const [filePath, diagnostics] of byFile) {
    const source = result.sources.get(filePath) || "\n";
    const message = (d) => ({
      ruleId: d.ruleId,
      severity: d.severity === "error" ? 2 : 1,
      message: describe(d),
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn
    });
    const lines = source.split(LINE_BREAK2);
    if (!lines.some((l) => l.length > MAX_FRAME_LINE)) {
      out.push({ filePath, source, messages: diagnostics.map(message) });
      continue;
    }
    const ordered = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    const shown = relative3(".", filePath);
    for (const d of ordered) {
      const frame = cutLine(lines, d.line, d.column);
      const k = framed.length;
      framed.push({ path: shown, real: `${shown}:${d.line}:${d.column}` });
      out.push({ filePath, source: frame.source, messages: [{ ...message(d), column: frame.column, filePath: framedPathToken(shown, k) }] });
    }
  }
  return { results: out, framed };
}
function cutLine(lines, line, column) {
  const text = lines[line - 1] ?? "";
  let from = 0;
  let lead = "";
  const copy = lines.map((l, i) => i < line - 3 || i > line + 2 ? "" : l.length > MAX_FRAME_LINE ? `${l.slice(0, MAX_FRAME_LINE)}\u2026` : l);
  if (text.length > MAX_FRAME_LINE) {
    from = Math.max(0, Math.min(column - 1 - FRAME_LEAD, text.length - MAX_FRAME_LINE));
    const to = Math.min(text.length, from + MAX_FRAME_LINE);
    lead = from > 0 ? "\u2026" : "";
    copy[line - 1] = `${lead}${text.slice(from, to)}${to < text.length ? "\u2026" : ""}`;
  }
  return { source: copy.join("\n"), column: column - from + lead.length };
}
function framedPathToken(filePath, k) {
  return `${filePath} \xA7${String(k).padStart(9, "0")}`;
}
function restoreFramedLocations(text, framed) {
  if (framed.length === 0) return text;
  let out = "";
  let last = 0;
  for (const m of text.matchAll(/ \u00a7(\d{9}):\d+:\d+/g)) {
    const entry = framed[Number(m[1])];
    const start = m.index - (entry?.path.length ?? 0);
    if (!entry || start < last || text.slice(start, m.index) !== entry.path) continue;
    out += text.slice(last, start) + entry.real;
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}
function describe(d) {
  let text = d.message.replace(/\.$/, "");
  if (d.severity === "info") text = `(info) ${text}`;
  if (d.fix) text += " (fixable)";
  if (d.help) text += `
       ${chalk.cyan("help:")} ${d.help}`;
  for (const r of d.related ?? []) text += `
       ${chalk.dim("also:")} ${relative3(".", r.file)}:${r.line}:${r.column} ${r.message}`;
  for (const s of d.suggestions ?? []) {
    text += `
       ${chalk.cyan("suggestion:")} ${s.message.replace(/\.$/, "")}`;
  }
  return text;
}
function withChalkColor(color, render2) {
  const saved = { enabled: chalk.enabled, level: chalk.level };
  chalk.enabled = color;
  chalk.level = color ? Math.max(saved.level, 1) : 0;
  try {
    return render2();
  } finally {
    chalk.enabled = saved.enabled;
    chalk.level = saved.level;
  }
}
function withFriendlyEnv(render2) {
  const isFriendlyVar = (key) => key.startsWith("EFF_") || key === "FORCE_ITERM_HINT";
  const saved = Object.entries(process.env).filter(([key]) => isFriendlyVar(key));
  for (const [key] of saved) delete process.env[key];
  process.env.EFF_NO_LINK_RULES = "true";
  try {
    return render2();
  } finally {
    for (const key of Object.keys(process.env)) if (isFriendlyVar(key)) delete process.env[key];
    for (const [key, value] of saved) process.env[key] = value;
  }
}
function stripItermHint(text) {
  return text.replace(/^\u001B\]1337;CurrentDir=[^\u0007]*\u0007/, "");
}
function stripFriendlySummary(text, results) {
  const messages5 = results.flatMap((r) => r.messages);
  const errors = messages5.filter((m) => m.severity === 2).length;
  const warnings = messages5.length - errors;
  const color = errors > 0 ? chalk.red : chalk.yellow;
  const headline = color.bold(
    `\u2718 ${pluralize(messages5.length, "problem")} (${pluralize(errors, "error")}, ${pluralize(warnings, "warning")})`
  );
  const at = text.lastIndexOf(headline);
  if (at < 0) throw new Error("eslint-formatter-friendly output changed: its summary line was not found");
  return text.slice(0, at);
}
function summaryText(diagnostics) {
  const counts = countFindings(diagnostics);
  const color = counts.errors > 0 ? chalk.red : counts.warnings > 0 ? chalk.yellow : chalk.cyan;
  let out = color.bold(
    `\u2718 ${pluralize(diagnostics.length, "problem")} (${pluralize(counts.errors, "error")}, ${pluralize(counts.warnings, "warning")}, ${pluralize(counts.infos, "info")})`
  );
  out += "\n";
  if (counts.fixable > 0) {
    out += `  ${pluralize(counts.fixable, "problem")} potentially fixable with the \`--fix\` option.
`;
  }
  out += ruleTable("Errors", chalk.red, diagnostics, "error");
  out += ruleTable("Warnings", chalk.yellow, diagnostics, "warning");
  out += ruleTable("Infos", chalk.cyan, diagnostics, "info");
  return out;
}
function ruleTable(title, color, diagnostics, severity) {
  const perRule = /* @__PURE__ */ new Map();
  for (const d of diagnostics) {
    if (d.severity === severity) perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
  }
  if (perRule.size === 0) return "";
  const rows = [...perRule].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  const width = String(rows[0][1]).length;
  const lines = rows.map(([ruleId, count]) => `  ${String(count).padStart(width)}  ${ruleId}`);
  return `
${color(`${title}:`)}
${lines.join("\n")}
`;
}
function stripAnsi(text) {
  return text.replace(ANSI_PATTERN, "");
}
var import_eslint_formatter_friendly, import_chalk, notesFooter2, chalk, MAX_FRAME_LINE, FRAME_LEAD, LINE_BREAK2, ANSI_PATTERN;
var init_text = __esm({
  "src/formats/text.ts"() {
    "use strict";
    init_code_frame_window();
    import_eslint_formatter_friendly = __toESM(require_eslint_formatter_friendly(), 1);
    import_chalk = __toESM(require_chalk(), 1);
    init_summary();
    init_stylish();
    notesFooter2 = (notes, width, color) => notesFooter(notes, width, paint(color));
    chalk = import_chalk.default.default;
    MAX_FRAME_LINE = 160;
    FRAME_LEAD = 40;
    LINE_BREAK2 = /\r\n|[\n\r\u2028\u2029]/;
    ANSI_PATTERN = /\u001B\[[0-9;]*m|\u001B\][^\u0007]*\u0007/g;
  }
});

// src/xml/lines.ts
var LineIndex = class {
  /** Cheap: the line starts are found on first use (most files, and most host snapshots, never need them). */
  constructor(text) {
    this.text = text;
  }
  text;
  computed;
  firstEnd = -1;
  get starts() {
    if (this.computed) return this.computed;
    const { text } = this;
    const starts = [0];
    if (text.indexOf("\r") < 0) {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
      return this.computed = starts;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return this.computed = starts;
  }
  /**
   * Where the first line ends (as `lineStart(2) - 1` would say, or the text's length for one
   * line), found without indexing the whole text: host findings anchor there, and a host
   * snapshot can be megabytes.
   */
  firstLineEnd() {
    if (this.firstEnd < 0) this.firstEnd = this.findFirstLineEnd();
    return this.firstEnd;
  }
  findFirstLineEnd() {
    const lf = this.text.indexOf("\n");
    const cr = this.text.indexOf("\r");
    if (cr < 0 || lf >= 0 && lf < cr) return lf < 0 ? this.text.length : lf;
    return this.text.charCodeAt(cr + 1) === 10 ? cr + 1 : cr;
  }
  get lineCount() {
    return this.starts.length;
  }
  /** Offset of the first character of a 1-based line. */
  lineStart(line) {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))];
  }
  position(offset) {
    if (!this.computed && offset <= this.firstLineEnd()) return { line: 1, column: offset + 1 };
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }
};

// src/model/cpuset.ts
var SHARED_SINGLES = 8192;
var singles = [];
var CpuSet = class _CpuSet {
  /** Flat [start0, end0, start1, end1, ...], inclusive, sorted, merged. */
  iv;
  constructor(iv) {
    this.iv = iv;
  }
  static empty = new _CpuSet([]);
  static of(...ids) {
    if (ids.length === 0) return _CpuSet.empty;
    if (ids.length === 1) return _CpuSet.single(ids[0]);
    let ascending = true;
    for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1] <= ids[i];
    const sorted = ascending ? ids : ids.slice().sort((a, b) => a - b);
    const out = [];
    for (const id of sorted) {
      const n = out.length;
      if (n > 0 && id <= out[n - 1] + 1) {
        if (id > out[n - 1]) out[n - 1] = id;
      } else out.push(id, id);
    }
    return new _CpuSet(out);
  }
  static range(first, last) {
    if (last < first) return _CpuSet.empty;
    return first === last ? _CpuSet.single(first) : new _CpuSet([first, last]);
  }
  /**
   * One id. Most pins name one CPU, and every domain of a fleet asks for the same
   * few: the sets are immutable, so small ones are made once and shared.
   */
  static single(id) {
    if (!(id >= 0 && id < SHARED_SINGLES)) return new _CpuSet([id, id]);
    return singles[id] ??= new _CpuSet([id, id]);
  }
  /** Builds a set from possibly overlapping, unsorted inclusive intervals. */
  static fromIntervals(intervals) {
    const list = [...intervals].filter(([a, b]) => b >= a).sort((x, y) => x[0] - y[0]);
    const out = [];
    for (const [a, b] of list) {
      const n = out.length;
      if (n > 0 && a <= out[n - 1] + 1) {
        if (b > out[n - 1]) out[n - 1] = b;
      } else out.push(a, b);
    }
    return new _CpuSet(out);
  }
  /** The inclusive intervals, in order. */
  intervals() {
    const out = [];
    for (let i = 0; i < this.iv.length; i += 2) out.push([this.iv[i], this.iv[i + 1]]);
    return out;
  }
  /** Number of intervals; with intervalLo/intervalHi, a walk over them that allocates nothing. */
  get intervalCount() {
    return this.iv.length >> 1;
  }
  intervalLo(i) {
    return this.iv[2 * i];
  }
  intervalHi(i) {
    return this.iv[2 * i + 1];
  }
  get isEmpty() {
    return this.iv.length === 0;
  }
  /** Number of ids (may exceed what could ever be enumerated). */
  get size() {
    let n = 0;
    for (let i = 0; i < this.iv.length; i += 2) n += this.iv[i + 1] - this.iv[i] + 1;
    return n;
  }
  get min() {
    return this.iv[0];
  }
  get max() {
    return this.iv[this.iv.length - 1];
  }
  has(id) {
    for (let i = 0; i < this.iv.length; i += 2) {
      if (id < this.iv[i]) return false;
      if (id <= this.iv[i + 1]) return true;
    }
    return false;
  }
  /** Linear merges over the flat interval lists below: these run for every pin of every domain. */
  union(other) {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    const a = this.iv;
    const b = other.iv;
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      let lo;
      let hi;
      if (j >= b.length || i < a.length && a[i] <= b[j]) {
        lo = a[i];
        hi = a[i + 1];
        i += 2;
      } else {
        lo = b[j];
        hi = b[j + 1];
        j += 2;
      }
      const n = out.length;
      if (n > 0 && lo <= out[n - 1] + 1) {
        if (hi > out[n - 1]) out[n - 1] = hi;
      } else out.push(lo, hi);
    }
    return new _CpuSet(out);
  }
  intersect(other) {
    const a = this.iv;
    const b = other.iv;
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      const lo = Math.max(a[i], b[j]);
      const hi = Math.min(a[i + 1], b[j + 1]);
      if (lo <= hi) out.push(lo, hi);
      if (a[i + 1] < b[j + 1]) i += 2;
      else j += 2;
    }
    return out.length === 0 ? _CpuSet.empty : new _CpuSet(out);
  }
  subtract(other) {
    if (other.isEmpty || this.isEmpty) return this;
    const a = this.iv;
    const b = other.iv;
    const out = [];
    let j = 0;
    for (let i = 0; i < a.length; i += 2) {
      let lo = a[i];
      const hi = a[i + 1];
      while (j < b.length && b[j + 1] < lo) j += 2;
      let k = j;
      while (k < b.length && b[k] <= hi && lo <= hi) {
        if (b[k] > lo) out.push(lo, b[k] - 1);
        lo = Math.max(lo, b[k + 1] + 1);
        k += 2;
      }
      if (lo <= hi) out.push(lo, hi);
    }
    return out.length === 0 ? _CpuSet.empty : new _CpuSet(out);
  }
  intersects(other) {
    const a = this.iv;
    const b = other.iv;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (Math.max(a[i], b[j]) <= Math.min(a[i + 1], b[j + 1])) return true;
      if (a[i + 1] < b[j + 1]) i += 2;
      else j += 2;
    }
    return false;
  }
  isSubsetOf(other) {
    const b = other.iv;
    let j = 0;
    for (let i = 0; i < this.iv.length; i += 2) {
      const lo = this.iv[i];
      const hi = this.iv[i + 1];
      while (j < b.length && b[j + 1] < lo) j += 2;
      if (j >= b.length || b[j] > lo || b[j + 1] < hi) return false;
    }
    return true;
  }
  equals(other) {
    return this.iv.length === other.iv.length && this.iv.every((v, i) => v === other.iv[i]);
  }
  /** Ids in ascending order; throws past `limit` so a caller never enumerates a huge set by accident. */
  toArray(limit = 1 << 20) {
    if (this.size > limit) throw new RangeError(`CpuSet of ${this.size} ids exceeds enumeration limit ${limit}`);
    const out = [];
    for (const [a, b] of this.intervals()) for (let x = a; x <= b; x++) out.push(x);
    return out;
  }
  /** Canonical list form, e.g. `0-3,8,10-11` (valid for libvirt and the kernel alike). */
  toString() {
    let out = "";
    for (let i = 0; i < this.iv.length; i += 2) {
      const a = this.iv[i];
      const b = this.iv[i + 1];
      out += `${i === 0 ? "" : ","}${a === b ? a : `${a}-${b}`}`;
    }
    return out;
  }
};

// src/model/cpu-topology.ts
function buildCpuPlaces(snapshot, parse) {
  const entries = snapshot.cpuTopology;
  if (entries === void 0 || entries.length === 0) return { smt: void 0, siblingsOf: () => void 0, placeOf: () => void 0 };
  const byCpu = /* @__PURE__ */ new Map();
  for (const e of entries) if (!byCpu.has(e.cpu)) byCpu.set(e.cpu, e);
  const siblings = /* @__PURE__ */ new Map();
  let smt;
  let byCore;
  const coreKey = (e) => e.socket === void 0 || e.core === void 0 ? void 0 : `${e.socket}/${e.die ?? 0}/${e.core}`;
  return {
    get smt() {
      return smt ??= entries.some((e) => (e.siblings !== void 0 ? parse(e.siblings) : this.siblingsOf(e.cpu))?.size !== 1);
    },
    siblingsOf(cpu) {
      if (siblings.has(cpu)) return siblings.get(cpu);
      const e = byCpu.get(cpu);
      let set;
      if (e?.siblings !== void 0) {
        set = parse(e.siblings)?.union(CpuSet.of(cpu));
      } else if (e !== void 0 && coreKey(e) !== void 0) {
        if (!byCore) {
          byCore = /* @__PURE__ */ new Map();
          for (const x of byCpu.values()) {
            const k = coreKey(x);
            if (k === void 0) continue;
            const list = byCore.get(k);
            if (list) list.push(x.cpu);
            else byCore.set(k, [x.cpu]);
          }
        }
        set = CpuSet.of(...byCore.get(coreKey(e)));
      }
      siblings.set(cpu, set);
      return set;
    },
    placeOf(cpu) {
      const e = byCpu.get(cpu);
      return e ? { socket: e.socket, die: e.die, core: e.core, node: e.node } : void 0;
    }
  };
}

// src/model/parsed.ts
function parsedOk(value, notes) {
  return notes && notes.length > 0 ? { ok: true, value, notes } : { ok: true, value };
}
function parsedError(error, offset = 0, length = 0) {
  return { ok: false, error, offset, length };
}

// src/model/kernel-cpulist.ts
var KERNEL_MAX_NR_CPUS = 8192;
var UINT_MAX = 4294967295;
var MAX_EXPANDED_GROUPS = 1 << 20;
function isSpace(c) {
  return c === " " || c === "	" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}
function isDigit(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function isAlpha(c) {
  return c !== void 0 && (c >= "a" && c <= "z" || c >= "A" && c <= "Z");
}
function isEndOfString(c) {
  return c === void 0 || c === "\n";
}
function isRegionSeparator(c) {
  return isSpace(c) || c === ",";
}
function isEndOfRegion(c) {
  return isRegionSeparator(c) || isEndOfString(c);
}
function readNumber(text, pos, lastBit) {
  if (text[pos] === "N") {
    if (lastBit === void 0) return { ok: false, error: `'N' (the last CPU) needs the host's CPU count` };
    return { ok: true, value: lastBit, end: pos + 1 };
  }
  let value = 0;
  let end = pos;
  while (isDigit(text[end])) {
    if (value <= UINT_MAX) value = value * 10 + (text.charCodeAt(end) - 48);
    end++;
  }
  if (end === pos) return { ok: false, error: "expected a CPU number" };
  if (value > UINT_MAX) return { ok: false, error: `number ${text.slice(pos, end)} overflows 32 bits` };
  return { ok: true, value, end };
}
function regionSpan(text, start) {
  let end = start;
  while (!isEndOfRegion(text[end])) end++;
  return { offset: start, length: Math.max(end - start, text.length > start ? 1 : 0) };
}
function checkedWidth(name, value) {
  if (value !== void 0 && (!Number.isSafeInteger(value) || value < 1 || value > UINT_MAX)) {
    throw new RangeError(`${name} must be a positive integer below 2^32, got ${value}`);
  }
  return value;
}
function parseKernelCpuList(text, opts = {}) {
  const nrCpuIds = checkedWidth("nrCpuIds", opts.nrCpuIds);
  const nbits = checkedWidth("nbits", opts.nbits) ?? nrCpuIds;
  const lastBit = nbits === void 0 ? void 0 : nbits - 1;
  const limit = nbits ?? KERNEL_MAX_NR_CPUS;
  const intervals = [];
  let pos = 0;
  for (; ; ) {
    while (isRegionSeparator(text[pos])) pos++;
    if (isEndOfString(text[pos])) break;
    const span = regionSpan(text, pos);
    const fail = (message) => parsedError(message, span.offset, span.length);
    let start;
    let end;
    let used;
    let group;
    let stopAfter = false;
    if (text.slice(pos, pos + 3).toLowerCase() === "all") {
      if (lastBit === void 0) return fail(`'all' needs the host's CPU count`);
      start = 0;
      end = lastBit;
      pos += 3;
    } else {
      const first = readNumber(text, pos, lastBit);
      if (!first.ok) return fail(first.error);
      start = first.value;
      pos = first.end;
      if (isEndOfRegion(text[pos])) {
        end = start;
      } else {
        if (text[pos] !== "-") return fail(`unexpected '${text[pos]}': expected '-', ',' or the end`);
        const last = readNumber(text, pos + 1, lastBit);
        if (!last.ok) return fail(last.error);
        end = last.value;
        pos = last.end;
      }
    }
    if (isEndOfRegion(text[pos])) {
      used = end + 1;
      group = end + 1;
      stopAfter = isEndOfString(text[pos]);
    } else {
      if (text[pos] !== ":") return fail(`unexpected '${text[pos]}': expected ':used/group', ',' or the end`);
      const usedRead = readNumber(text, pos + 1, lastBit);
      if (!usedRead.ok) return fail(usedRead.error);
      pos = usedRead.end;
      if (text[pos] !== "/") return fail(`expected '/' after the used size in 'A-B:used/group'`);
      const groupRead = readNumber(text, pos + 1, lastBit);
      if (!groupRead.ok) return fail(groupRead.error);
      used = usedRead.value;
      group = groupRead.value;
      pos = groupRead.end;
    }
    if (start > end) return fail(`descending range: ${end} is below ${start}`);
    if (group === 0) return fail("group size 0 in A-B:used/group");
    if (used > group) return fail(`used size ${used} exceeds group size ${group}`);
    if (end >= limit) return fail(`${end} is beyond the cpumask width ${limit} (ids 0-${limit - 1}); the kernel rejects the whole list`);
    if (used >= group) {
      intervals.push([start, end]);
    } else if (used > 0) {
      if (Math.floor((end - start) / group) + 1 > MAX_EXPANDED_GROUPS) return fail("too many groups to expand");
      for (let from = start; from <= end; from += group) intervals.push([from, Math.min(end, from + used - 1)]);
    }
    if (stopAfter) break;
  }
  return parsedOk(CpuSet.fromIntervals(intervals));
}
var ISOLCPUS_FLAGS = ["nohz", "domain", "managed_irq"];
function parseIsolcpus(text, opts = {}) {
  const flags = [];
  const notes = [];
  let pos = 0;
  while (isAlpha(text[pos])) {
    const known = ISOLCPUS_FLAGS.find((flag) => text.startsWith(`${flag},`, pos));
    if (known !== void 0) {
      if (!flags.includes(known)) flags.push(known);
      pos += known.length + 1;
      continue;
    }
    const tokenStart = pos;
    let illegal = false;
    while (pos < text.length && text[pos] !== ",") {
      if (!isAlpha(text[pos]) && text[pos] !== "_") illegal = true;
      pos++;
    }
    const token = text.slice(tokenStart, pos);
    if (illegal) {
      return parsedError(`isolcpus: invalid flag '${token}'; the kernel ignores the whole isolcpus= value`, tokenStart, token.length);
    }
    if (pos >= text.length) {
      const reason = ISOLCPUS_FLAGS.includes(token) ? `flag '${token}' must be followed by a comma and a CPU list` : `'${token}' is read as an unknown flag (isolcpus= takes flags while the text starts with a letter), and no CPU list follows`;
      return parsedError(`isolcpus: ${reason}`, tokenStart, token.length);
    }
    notes.push(`isolcpus: the kernel skips unknown flag '${token}'`);
    pos++;
  }
  if (flags.length === 0) flags.push("domain");
  const list = text.slice(pos);
  const cpus = parseKernelCpuList(list, opts);
  if (!cpus.ok) return parsedError(cpus.error, cpus.offset + pos, cpus.length);
  if (cpus.value.isEmpty) notes.push("isolcpus: the CPU list is empty, so nothing is isolated");
  return parsedOk({ flags, cpus: cpus.value }, notes);
}
function parseKernelCmdline(cmdline) {
  const params = [];
  let pos = 0;
  while (isSpace(cmdline[pos])) pos++;
  while (pos < cmdline.length) {
    let inQuote = false;
    let quoted = false;
    if (cmdline[pos] === '"') {
      pos++;
      inQuote = true;
      quoted = true;
    }
    let i = pos;
    let equals = -1;
    for (; i < cmdline.length; i++) {
      const c = cmdline[i];
      if (isSpace(c) && !inQuote) break;
      if (equals < 0 && c === "=") equals = i;
      if (c === '"') inQuote = !inQuote;
    }
    const closingQuote = i > pos && cmdline[i - 1] === '"';
    let end = i;
    let key;
    let value;
    if (equals < 0) {
      if (quoted && closingQuote) end = i - 1;
      key = cmdline.slice(pos, end);
    } else {
      key = cmdline.slice(pos, equals);
      let valueStart = equals + 1;
      if (cmdline[valueStart] === '"') {
        valueStart++;
        if (closingQuote) end = i - 1;
      }
      if (quoted && closingQuote) end = i - 1;
      value = cmdline.slice(valueStart, Math.max(valueStart, end));
    }
    pos = i < cmdline.length ? i + 1 : i;
    while (isSpace(cmdline[pos])) pos++;
    if (value === void 0 && key === "--") break;
    params.push({ key, value });
  }
  return params;
}
function sameParamName(a, b) {
  return a.length === b.length && a.replaceAll("-", "_") === b.replaceAll("-", "_");
}
function cmdlineParamValues(params, key) {
  return params.filter((p) => sameParamName(p.key, key)).map((p) => p.value);
}
function cmdlineParam(params, key) {
  const values = cmdlineParamValues(params, key);
  return values[values.length - 1];
}

// src/model/isolation-layers.ts
function cpuListFailure(param, value, error, possible) {
  const wide = param === "isolcpus" ? parseIsolcpus(value, { nbits: KERNEL_MAX_NR_CPUS }) : parseKernelCpuList(value, { nbits: KERNEL_MAX_NR_CPUS });
  const wideMax = wide.ok ? "cpus" in wide.value ? wide.value.cpus.max : wide.value.max : void 0;
  if (possible?.max !== void 0 && wideMax !== void 0 && wideMax > possible.max) {
    return { kind: "beyond-possible", param, value, cpu: wideMax, possible };
  }
  return { kind: "unparseable", param, value, error };
}
var isDomain = (a) => a.name === "isolcpus" && a.flags.includes("domain");
var isNohz = (a) => a.name === "nohz_full" || a.name === "isolcpus" && a.flags.includes("nohz");
function listPath(path3, list) {
  return typeof list === "string" ? path3 : `${path3}.raw`;
}
function lastParam(params, name) {
  let found;
  for (const p of params) if (p.key.replaceAll("-", "_") === name) found = p;
  return found;
}
function buildIsolationLayers(input) {
  const s = input.snapshot;
  const cmdline = s.kernel?.cmdline;
  const cmdlineKnown = cmdline !== void 0;
  const params = cmdlineKnown ? parseKernelCmdline(cmdline) : [];
  const facts = [];
  const width = input.nrCpuIds === void 0 ? {} : { nrCpuIds: input.nrCpuIds };
  const fromCmdline = (pick, absent) => {
    if (!cmdlineKnown) return void 0;
    const list = input.applied.filter(pick);
    const cpus = list.reduce((acc, a) => acc.union(a.cpus), CpuSet.empty);
    const written = list.map((a) => a.param ?? `${a.name}=${a.value}`);
    return { cpus, source: written.length > 0 ? written.join(" ") : `the kernel command line (no ${absent})`, path: "kernel.cmdline", param: written[0] };
  };
  const cmdDomain = fromCmdline(isDomain, "isolcpus");
  const cmdNohz = fromCmdline(isNohz, "nohz_full");
  const running = (path3, list, cmd, layer) => {
    const cpus = input.cpuList(path3, list);
    if (cpus === void 0 || list === void 0) return cmd;
    const sysPath = `/sys/devices/system/cpu/${layer === "domain" ? "isolated" : "nohz_full"}`;
    if (cmd !== void 0 && !cmd.cpus.equals(cpus)) {
      facts.push({ kind: "cmdline-vs-running", layer, commandLine: cmd.cpus, running: cpus, runningPath: listPath(path3, list) });
    }
    return { cpus, source: sysPath, path: listPath(path3, list) };
  };
  const domain = running("isolation.isolated", s.isolation?.isolated, cmdDomain, "domain");
  const nohz = running("isolation.nohzFull", s.isolation?.nohzFull, cmdNohz, "nohz");
  const isolcpus = input.applied.find((a) => a.name === "isolcpus");
  const managed = input.applied.filter((a) => a.name === "isolcpus" && a.flags.includes("managed_irq"));
  const managedIrq = managed.length > 0 ? { cpus: managed.reduce((acc, a) => acc.union(a.cpus), CpuSet.empty), source: managed[0].param ?? `isolcpus=${managed[0].value}`, path: "kernel.cmdline", param: managed[0].param } : void 0;
  let rcuNocbs;
  if (cmdlineKnown) {
    const p = lastParam(params, "rcu_nocbs");
    const param = p ? p.value === void 0 ? p.key : `${p.key}=${p.value}` : void 0;
    if (!p) rcuNocbs = { cpus: CpuSet.empty, source: "the kernel command line (no rcu_nocbs)", path: "kernel.cmdline" };
    else if (p.value === void 0 || p.value === "") rcuNocbs = { cpus: CpuSet.empty, source: param, path: "kernel.cmdline", param };
    else {
      const r = parseKernelCpuList(p.value, width);
      if (r.ok) rcuNocbs = { cpus: r.value, source: param, path: "kernel.cmdline", param };
      else {
        facts.push(cpuListFailure("rcu_nocbs", p.value, r.error, input.possible));
        rcuNocbs = { cpus: input.possible ?? input.online, source: `${param} (does not parse: every CPU)`, path: "kernel.cmdline", param };
      }
    }
  }
  const rcuOffload = rcuNocbs === void 0 ? void 0 : rcuNocbs.cpus.union(nohz?.cpus ?? CpuSet.empty);
  let irqAffinity;
  const irq = cmdlineKnown ? lastParam(params, "irqaffinity") : void 0;
  if (irq?.value !== void 0) {
    const r = parseKernelCpuList(irq.value, width);
    if (r.ok) irqAffinity = { cpus: r.value, source: `${irq.key}=${irq.value}`, path: "kernel.cmdline", param: `${irq.key}=${irq.value}` };
    else facts.push(cpuListFailure("irqaffinity", irq.value, r.error, input.possible));
  }
  const profile = s.tuned?.activeProfile === void 0 ? void 0 : [s.tuned.activeProfile, ...s.tuned.includes ?? []].join(" ");
  const tunedApplies = profile === void 0 || input.isIsolatingTunedProfile(profile);
  const tunedLayer = (path3, list, source) => {
    if (!tunedApplies || list === void 0) return void 0;
    const cpus = input.cpuList(path3, list);
    return cpus === void 0 || cpus.isEmpty ? void 0 : { cpus, source, path: listPath(path3, list) };
  };
  const partitioning = profile === void 0 || profile.split(/\s+/).some((p) => p.startsWith("cpu-partitioning"));
  return {
    cmdlineKnown,
    domain,
    isolcpusFlags: isolcpus?.flags,
    nohz,
    rcuNocbs,
    rcuOffload,
    irqAffinity,
    managedIrq,
    tunedIsolated: tunedLayer("tuned.isolatedCores", s.tuned?.isolatedCores, "tuned isolated_cores"),
    tunedNoBalance: partitioning ? tunedLayer("tuned.noBalanceCores", s.tuned?.noBalanceCores, "tuned no_balance_cores") : void 0,
    commandLine: cmdDomain && cmdNohz ? { domain: cmdDomain.cpus, nohz: cmdNohz.cpus } : void 0,
    facts
  };
}

// src/model/tuned-cpulist.ts
var PY_SPACE = /[\s\x1c-\x1f\x85]/;
function stripPythonSpace(text) {
  let start = 0;
  let end = text.length;
  while (start < end && PY_SPACE.test(text[start])) start++;
  while (end > start && PY_SPACE.test(text[end - 1])) end--;
  return { text: text.slice(start, end), lead: start };
}
function pythonInt(text) {
  const m = /^([+-]?)([0-9](?:_?[0-9])*)$/.exec(stripPythonSpace(text).text);
  if (!m) return void 0;
  const magnitude = BigInt(m[2].replaceAll("_", ""));
  return m[1] === "-" ? -magnitude : magnitude;
}
function pythonHexInt(text) {
  const m = /^\+?(?:0[xX]_?)?([0-9a-fA-F](?:_?[0-9a-fA-F])*)$/.exec(stripPythonSpace(text).text);
  return m ? m[1].replaceAll("_", "") : void 0;
}
function hexBits(hex) {
  const intervals = [];
  for (let i = 0; i < hex.length; i++) {
    const nibble = parseInt(hex[hex.length - 1 - i], 16);
    for (let bit = 0; bit < 4; bit++) if (nibble & 1 << bit) intervals.push([i * 4 + bit, i * 4 + bit]);
  }
  return intervals;
}
function parseTunedCpuList(text) {
  const notes = [];
  const positives = [];
  const negations = [];
  const idOf = (value, item) => {
    if (value < 0n) return parsedError(`negative CPU id ${value}`, item.offset, item.text.length);
    if (value >= BigInt(KERNEL_MAX_NR_CPUS)) {
      return parsedError(`CPU id ${value} is beyond any kernel's CPU limit (${KERNEL_MAX_NR_CPUS})`, item.offset, item.text.length);
    }
    return Number(value);
  };
  const addDecimal = (item, body, into) => {
    const wholeListLost = (why) => {
      const hint = /^\s+(0[xX]|\^|!)/.test(item.text) ? ` (tuned only sees '0x', '^' or '!' as the item's first character)` : "";
      return parsedError(`${why}${hint}; tuned then reads the whole list as empty`, item.offset, item.text.length);
    };
    const parts = body.split("-");
    const first = pythonInt(parts[0]);
    if (first === void 0) return wholeListLost(`'${item.text.trim()}' is not a number or range tuned can read`);
    const from = idOf(first, item);
    if (typeof from !== "number") return from;
    if (parts.length === 1) {
      into.push([from, from]);
      return void 0;
    }
    const last = pythonInt(parts[1]);
    if (last === void 0) return wholeListLost(`'${item.text.trim()}' has no valid range end`);
    const to = idOf(last, item);
    if (typeof to !== "number") return to;
    if (parts.length > 2) notes.push(`'${item.text}': tuned ignores '-${parts.slice(2).join("-")}'`);
    if (to < from) notes.push(`'${item.text}': descending range, tuned adds nothing for it`);
    else into.push([from, to]);
    return void 0;
  };
  const items = [];
  let offset = 0;
  for (const part of text.split(",")) {
    items.push({ text: part, offset });
    offset += part.length + 1;
  }
  const merged = [];
  let hexMask;
  for (const item of items) {
    if (hexMask) {
      if (item.text.length === 0) {
        merged.push(hexMask);
        hexMask = void 0;
      } else {
        hexMask.text += item.text;
      }
    } else if (item.text.slice(0, 2).toLowerCase() === "0x") {
      hexMask = { ...item, hex: true };
    } else if (item.text[0] === "^" || item.text[0] === "!") {
      const failed = addDecimal(item, item.text.slice(1), negations);
      if (failed) return failed;
    } else if (item.text.length > 0) {
      merged.push({ ...item, hex: false });
    }
  }
  if (hexMask) merged.push(hexMask);
  for (const item of merged) {
    if (item.hex) {
      const digits = pythonHexInt(item.text);
      if (digits === void 0) {
        notes.push(`'${item.text}' is not a valid hex mask: tuned logs an error and ignores it`);
        continue;
      }
      const significant = digits.replace(/^0+/, "");
      if (significant.length * 4 > KERNEL_MAX_NR_CPUS) {
        const top = (significant.length - 1) * 4 + 31 - Math.clz32(parseInt(significant[0], 16));
        return parsedError(`hex mask sets CPU ${top}, beyond any kernel's CPU limit (${KERNEL_MAX_NR_CPUS})`, item.offset, item.text.length);
      }
      positives.push(...hexBits(significant));
    } else {
      const failed = addDecimal(item, item.text, positives);
      if (failed) return failed;
    }
  }
  const set = CpuSet.fromIntervals(positives).subtract(CpuSet.fromIntervals(negations));
  return parsedOk(set, notes);
}

// src/model/watermarks.ts
var SWAP_CLUSTER_MAX = 32n;
var CAPPED_MIN_MAX = 128n;
var MIN_FREE_KBYTES_MAX = 2147483647;
var DEFAULT_WATERMARK_SCALE_FACTOR = 10;
function isCappedZone(name) {
  const n = name.toLowerCase();
  return n === "highmem" || n === "movable";
}
function multFrac(x, n, d) {
  const q = x / d;
  const r = x % d;
  return q * n + r * n / d;
}
function pageShiftDivisor(pageSizeKiB) {
  if (!Number.isInteger(pageSizeKiB) || pageSizeKiB < 1) throw new RangeError(`page size ${pageSizeKiB} KiB is not a positive integer`);
  return BigInt(pageSizeKiB);
}
function computeZoneWatermarks(zones, minFreeKbytes, watermarkScaleFactor, pageSizeKiB = 4) {
  const pagesMin = BigInt(Math.max(0, Math.trunc(minFreeKbytes))) / pageShiftDivisor(pageSizeKiB);
  const scale = BigInt(Math.max(0, Math.trunc(watermarkScaleFactor)));
  let lowmemPages = 0n;
  for (const z of zones) if (!isCappedZone(z.name)) lowmemPages += BigInt(z.managedPages);
  return zones.map((z) => {
    const managed = BigInt(z.managedPages);
    const share = lowmemPages === 0n ? 0n : pagesMin * managed / lowmemPages;
    let min;
    if (isCappedZone(z.name)) {
      min = managed / 1024n;
      if (min < SWAP_CLUSTER_MAX) min = SWAP_CLUSTER_MAX;
      if (min > CAPPED_MIN_MAX) min = CAPPED_MIN_MAX;
    } else {
      min = share;
    }
    const byShare = share >> 2n;
    const byScale = multFrac(managed, scale, 10000n);
    const gap = byShare > byScale ? byShare : byScale;
    const low = min + gap;
    const high = low + gap;
    const promo = high + gap;
    return { node: z.node, name: z.name, managedPages: z.managedPages, min: Number(min), low: Number(low), high: Number(high), promo: Number(promo) };
  });
}
function nodeWatermarkShares(zones, minFreeKbytes, watermarkScaleFactor, pageSizeKiB = 4) {
  const byNode = /* @__PURE__ */ new Map();
  for (const w of computeZoneWatermarks(zones, minFreeKbytes, watermarkScaleFactor, pageSizeKiB)) {
    let s = byNode.get(w.node);
    if (!s) {
      s = { node: w.node, managedKiB: 0, minKiB: 0, lowKiB: 0, highKiB: 0, promoKiB: 0 };
      byNode.set(w.node, s);
    }
    s.managedKiB += w.managedPages * pageSizeKiB;
    s.minKiB += w.min * pageSizeKiB;
    s.lowKiB += w.low * pageSizeKiB;
    s.highKiB += w.high * pageSizeKiB;
    s.promoKiB += w.promo * pageSizeKiB;
  }
  return [...byNode.values()].sort((a, b) => a.node - b.node);
}
function largestSafeMinFreeKbytes(zones, nodeFreeKiB, watermarkScaleFactor, pageSizeKiB = 4, level = "min") {
  const key = `${level}KiB`;
  const safe = (m) => nodeWatermarkShares(zones, m, watermarkScaleFactor, pageSizeKiB).every((s) => {
    const free = nodeFreeKiB.get(s.node);
    return free === void 0 || s[key] <= free;
  });
  if (!safe(0)) return void 0;
  let lo = 0;
  let hi = MIN_FREE_KBYTES_MAX;
  if (safe(hi)) return hi;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (safe(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
function hostWatermarkZones(host) {
  const zones = [];
  const approximatedNodes = [];
  for (const n of host.nodes) {
    if (n.zones && n.zones.length > 0) {
      for (const z of n.zones) zones.push({ node: n.id, name: z.name, managedPages: z.managedPages });
    } else if (n.memTotalKiB !== void 0 && n.memTotalKiB > 0) {
      zones.push({ node: n.id, name: "Normal", managedPages: Math.floor(n.memTotalKiB / host.pageSizeKiB) });
      approximatedNodes.push(n.id);
    }
  }
  return { zones, approximatedNodes };
}

// src/model/host-model.ts
function cpuListRaw(list) {
  return typeof list === "string" ? list : list.raw;
}
function parseSnapshotCpuList(list, grammar, nrCpuIds) {
  const raw = cpuListRaw(list).trim();
  if (raw === "") return { ok: true, value: CpuSet.empty };
  if (grammar === "tuned") return parseTunedCpuList(raw);
  if (raw.length > 64) return parseKernelCpuList(raw, nrCpuIds === void 0 ? {} : { nrCpuIds });
  const key = `${nrCpuIds ?? ""}\0${raw}`;
  let parsed = kernelListMemo.get(key);
  if (parsed === void 0) {
    if (kernelListMemo.size >= 4096) kernelListMemo.clear();
    kernelListMemo.set(key, parsed = Object.freeze(parseKernelCpuList(raw, nrCpuIds === void 0 ? {} : { nrCpuIds })));
  }
  return parsed;
}
var kernelListMemo = /* @__PURE__ */ new Map();
function snapshotCpuListFields(s) {
  const out = [];
  const add = (path3, list, grammar) => {
    if (list === void 0 || list === null) return;
    out.push({ path: typeof list === "string" ? path3 : `${path3}.raw`, list, grammar });
  };
  add("cpus.possible", s.cpus?.possible, "kernel");
  add("cpus.present", s.cpus?.present, "kernel");
  add("cpus.online", s.cpus?.online, "kernel");
  (s.nodes ?? []).forEach((n, i) => add(`nodes[${i}].cpus`, n.cpus, "kernel"));
  (s.cpuTopology ?? []).forEach((c, i) => add(`cpuTopology[${i}].siblings`, c.siblings, "kernel"));
  add("isolation.isolated", s.isolation?.isolated, "kernel");
  add("isolation.nohzFull", s.isolation?.nohzFull, "kernel");
  add("tuned.isolatedCores", s.tuned?.isolatedCores, "tuned");
  add("tuned.noBalanceCores", s.tuned?.noBalanceCores, "tuned");
  const running = s.running;
  if (running) {
    add("running.isolatedCpus", running.isolatedCpus, "kernel");
    (running.guests ?? []).forEach(
      (g, i) => g.threads.forEach((t, k) => add(`running.guests[${i}].threads[${k}].allowedCpus`, t.allowedCpus, "kernel"))
    );
    (running.foreignTasks ?? []).forEach((t, i) => add(`running.foreignTasks[${i}].allowedCpus`, t.allowedCpus, "kernel"));
    (running.irqs ?? []).forEach((q, i) => {
      add(`running.irqs[${i}].affinity`, q.affinity, "kernel");
      add(`running.irqs[${i}].effectiveAffinity`, q.effectiveAffinity, "kernel");
    });
  }
  return out;
}
function nrCpuIdsOf(s) {
  if (s.cpus?.possible === void 0) return void 0;
  const p = parseSnapshotCpuList(s.cpus.possible, "kernel");
  return p.ok && p.value.max !== void 0 ? p.value.max + 1 : void 0;
}
function mustParse(field, nrCpuIds) {
  if (!field) return void 0;
  const r = parseSnapshotCpuList(field.list, field.grammar, nrCpuIds);
  if (!r.ok) throw new Error(`${field.path}: ${r.error}`);
  return r.value;
}
function memparseKiB(text) {
  const m = /^(\d+)([kmgtpe]?)$/i.exec(text.trim());
  if (!m) return void 0;
  const shift = { "": 0, k: 10, m: 20, g: 30, t: 40, p: 50, e: 60 }[m[2].toLowerCase()];
  const bytes = BigInt(m[1]) << BigInt(shift);
  const kib = bytes / 1024n;
  return kib > 0n && kib <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(kib) : void 0;
}
function isIsolatingTunedProfile(profile) {
  return profile.split(/\s+/).some((p) => /^(cpu-partitioning|realtime)/.test(p));
}
function tunedProfileChain(s) {
  const active = s.tuned?.activeProfile;
  if (active === void 0) return void 0;
  return [active, ...s.tuned?.includes ?? []].join(" ");
}
function beyondPossibleNote(name, value, cpu, possible) {
  return `${name}=${value} names CPU ${cpu}, beyond the possible CPUs ${possible.toString()}; the kernel may reject the whole value, so none of its CPUs are treated as isolated`;
}
function commandLineOccurrence(name, value, ctx, notes, facts) {
  const widthOpts = ctx.nrCpuIds === void 0 ? {} : { nrCpuIds: ctx.nrCpuIds };
  let kinds = ["nohz"];
  let flags = [];
  let parsed;
  if (name === "isolcpus") {
    const r = parseIsolcpus(value, widthOpts);
    if (r.ok) {
      for (const n of r.notes ?? []) notes.push(n);
      kinds = ["domain", "nohz"].filter((k) => r.value.flags.includes(k));
      flags = r.value.flags;
      if (kinds.length === 0) {
        notes.push(`isolcpus=${value} has only the ${r.value.flags.join(",")} flag, which does not isolate CPUs from the scheduler`);
        facts.push({ kind: "not-isolating", param: name, value, flags: r.value.flags });
        return { name, value, kinds: [], flags, cpus: r.value.cpus };
      }
      parsed = { ok: true, value: r.value.cpus };
    } else parsed = r;
  } else {
    parsed = parseKernelCpuList(value, widthOpts);
  }
  if (!parsed.ok) {
    const fact = cpuListFailure(name, value, parsed.error, ctx.possible);
    if (fact.kind === "beyond-possible") notes.push(beyondPossibleNote(name, value, fact.cpu, fact.possible));
    else notes.push(`${name}=${value} does not parse (${parsed.error}); the kernel ignores it, so it isolates nothing`);
    facts.push(fact);
    return "rejected";
  }
  let cpus = parsed.value;
  if (ctx.possible?.max !== void 0 && cpus.max !== void 0 && cpus.max > ctx.possible.max) {
    notes.push(beyondPossibleNote(name, value, cpus.max, ctx.possible));
    facts.push({ kind: "beyond-possible", param: name, value, cpu: cpus.max, possible: ctx.possible });
    return "rejected";
  }
  const present = ctx.present ?? ctx.online;
  if (!present.isEmpty && present.isSubsetOf(cpus) && cpus.has(0)) {
    cpus = cpus.subtract(CpuSet.of(0));
    notes.push(`${name}=${value} leaves no present CPU for housekeeping; the kernel keeps the boot CPU (assumed CPU 0)`);
    facts.push({ kind: "boot-cpu-kept", param: name, value });
  }
  return { name, value, kinds, flags, cpus };
}
function commandLineIsolation(cmdline, ctx, notes, facts) {
  const params = parseKernelCmdline(cmdline);
  const applied = [];
  let declared = false;
  for (const p of params) {
    const name = p.key.replaceAll("-", "_");
    if (name !== "isolcpus" && name !== "nohz_full") continue;
    if (p.value === void 0) {
      notes.push(`${name} without a value is ignored`);
      facts.push({ kind: "missing-value", param: name });
      continue;
    }
    const occ = commandLineOccurrence(name, p.value, ctx, notes, facts);
    if (occ !== "rejected") occ.param = `${p.key}=${p.value}`;
    if (occ !== "rejected" && occ.kinds.length === 0) {
      applied.push(occ);
      continue;
    }
    declared = true;
    if (occ === "rejected") continue;
    const clash = applied.find((a) => a.kinds.some((k) => occ.kinds.includes(k)) && !a.cpus.equals(occ.cpus));
    if (clash) {
      notes.push(
        `${name}=${occ.value} is ignored: it sets up the same isolation as the earlier ${clash.name}=${clash.value} with other CPUs (the kernel warns "nohz_full= must match isolcpus=")`
      );
      facts.push({ kind: "ignored-mismatch", param: name, value: occ.value, cpus: occ.cpus, earlier: { param: clash.name, value: clash.value }, earlierCpus: clash.cpus });
      continue;
    }
    applied.push(occ);
  }
  const isolating = applied.filter((a) => a.kinds.length > 0);
  const sources = [...new Set(isolating.map((a) => a.name))];
  const cpus = isolating.reduce((acc, a) => acc.union(a.cpus), CpuSet.empty);
  return { cpus, sources, declared, applied };
}
function resolveIsolation(ctx, applied = [], facts = []) {
  const s = ctx.snapshot;
  const notes = [];
  const sources = [];
  let declared = false;
  let commandLine;
  let cmdlineSources = [];
  if (s.kernel?.cmdline !== void 0) {
    const c = commandLineIsolation(s.kernel.cmdline, ctx, notes, facts);
    applied.push(...c.applied);
    if (c.declared) {
      declared = true;
      commandLine = c.cpus;
      cmdlineSources = c.sources;
    }
  }
  let kernelView;
  const kernelSources = [];
  const sysIsolated = ctx.cpuList("isolation.isolated", s.isolation?.isolated);
  const sysNohzFull = ctx.cpuList("isolation.nohzFull", s.isolation?.nohzFull);
  if (sysIsolated !== void 0) {
    kernelSources.push("/sys/devices/system/cpu/isolated");
    kernelView = sysIsolated;
  }
  if (sysNohzFull !== void 0) {
    kernelSources.push("/sys/devices/system/cpu/nohz_full");
    kernelView = (kernelView ?? CpuSet.empty).union(sysNohzFull);
  }
  if (kernelView !== void 0 && !kernelView.isEmpty) declared = true;
  let booted;
  if (kernelView !== void 0) {
    booted = kernelView;
    sources.push(...kernelSources);
    if (commandLine !== void 0 && !commandLine.equals(kernelView)) {
      notes.push(
        `the command line (${cmdlineSources.join(", ")}) isolates ${commandLine.toString() || "nothing"} but the running kernel reports ${kernelView.toString() || "nothing"}; using the running kernel's view`
      );
    }
  } else if (commandLine !== void 0) {
    booted = commandLine;
    sources.push(...cmdlineSources);
  }
  let tuned;
  const tunedCores = ctx.cpuList("tuned.isolatedCores", s.tuned?.isolatedCores);
  if (tunedCores !== void 0 && !tunedCores.isEmpty) {
    const profile = tunedProfileChain(s);
    if (profile === void 0 || isIsolatingTunedProfile(profile)) {
      tuned = tunedCores;
      declared = true;
      sources.push("tuned isolated_cores");
      if (profile === void 0) {
        notes.push("the active tuned profile is unknown; assuming its isolated_cores apply");
        facts.push({ kind: "tuned-profile-unknown", cpus: tunedCores });
      }
    } else {
      notes.push(`tuned isolated_cores ${tunedCores.toString()} ignored: the active profile "${s.tuned.activeProfile}" does not isolate CPUs${s.tuned?.includes?.length ? ` (nor do the profiles it includes: ${s.tuned.includes.join(", ")})` : ""}`);
      facts.push({ kind: "tuned-profile-ignored", profile: s.tuned.activeProfile, cpus: tunedCores });
    }
  }
  if (tuned !== void 0 && booted !== void 0 && !tuned.equals(booted)) {
    const bootedName = kernelView !== void 0 ? "the running kernel" : "the booted command line";
    notes.push(
      `tuned isolated_cores ${tuned.toString()} differs from ${bootedName} (${booted.toString() || "nothing"}), as after a profile change without a reboot; using their union`
    );
    facts.push({ kind: "tuned-vs-booted", tuned, booted, bootedBy: kernelView !== void 0 ? "running kernel" : "command line" });
  }
  if (!declared) return void 0;
  const isolated = (booted ?? CpuSet.empty).union(tuned ?? CpuSet.empty);
  return { isolated, sources, notes, facts };
}
function jsonEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  let keys = 0;
  for (const k in a) {
    keys++;
    if (!jsonEqual(a[k], b[k])) return false;
  }
  for (const _ in b) keys--;
  return keys === 0;
}
function sameCpuParts(a, b) {
  const an = a.nodes ?? [];
  const bn = b.nodes ?? [];
  if (an.length !== bn.length) return false;
  for (let i = 0; i < an.length; i++) if (an[i].id !== bn[i].id || !jsonEqual(an[i].cpus, bn[i].cpus)) return false;
  return a.kernel?.cmdline === b.kernel?.cmdline && jsonEqual(a.cpus, b.cpus) && jsonEqual(a.isolation, b.isolation) && jsonEqual(a.tuned, b.tuned) && jsonEqual(a.cpuTopology, b.cpuTopology);
}
var representatives = [];
var representativeOf = /* @__PURE__ */ new WeakMap();
function cpuPartsRepresentative(s) {
  let rep = representativeOf.get(s);
  if (rep !== void 0) return rep;
  const i = representatives.findIndex((r) => sameCpuParts(r, s));
  if (i >= 0) {
    rep = representatives[i];
    if (i > 0) representatives.unshift(...representatives.splice(i, 1));
  } else {
    rep = s;
    representatives.unshift(s);
    if (representatives.length > 32) representatives.pop();
  }
  representativeOf.set(s, rep);
  return rep;
}
function buildCpuFacts(snapshot) {
  const fields = new Map(snapshotCpuListFields(snapshot).map((f) => [f.path, f]));
  const fieldAt = (path3, list) => list === void 0 ? void 0 : fields.get(typeof list === "string" ? path3 : `${path3}.raw`);
  const nrCpuIds = nrCpuIdsOf(snapshot);
  const possible = mustParse(fieldAt("cpus.possible", snapshot.cpus?.possible), void 0);
  const present = mustParse(fieldAt("cpus.present", snapshot.cpus?.present), nrCpuIds);
  const nodeCpus = (snapshot.nodes ?? []).map((n, i) => mustParse(fieldAt(`nodes[${i}].cpus`, n.cpus), nrCpuIds) ?? CpuSet.empty);
  const cpuNode = /* @__PURE__ */ new Map();
  const byId2 = (snapshot.nodes ?? []).map((n, i) => ({ id: n.id, cpus: nodeCpus[i] })).sort((a, b) => a.id - b.id);
  for (const n of byId2) for (const cpu of n.cpus.toArray()) if (!cpuNode.has(cpu)) cpuNode.set(cpu, n.id);
  for (const c of snapshot.cpuTopology ?? []) if (c.node !== void 0 && !cpuNode.has(c.cpu)) cpuNode.set(c.cpu, c.node);
  let online = mustParse(fieldAt("cpus.online", snapshot.cpus?.online), nrCpuIds);
  if (online === void 0) {
    online = nodeCpus.reduce((acc, cpus) => acc.union(cpus), CpuSet.empty);
    const offline = CpuSet.of(...(snapshot.cpuTopology ?? []).filter((c) => c.online === false).map((c) => c.cpu));
    online = online.subtract(offline);
  }
  const cpuList = (path3, list) => mustParse(fieldAt(path3, list), nrCpuIds);
  const isolationContext = { snapshot, possible, present, online, nrCpuIds, cpuList };
  const applied = [];
  const isolation = resolveIsolation(isolationContext, applied);
  const isolationLayers = buildIsolationLayers({ ...isolationContext, applied, isIsolatingTunedProfile });
  const places = buildCpuPlaces(snapshot, (list) => {
    const r = parseSnapshotCpuList(list, "kernel", nrCpuIds);
    return r.ok ? r.value : void 0;
  });
  return { possible, present, online, nodeCpus, cpuNode, isolation, isolationLayers, places };
}
var cpuFactsByRepresentative = /* @__PURE__ */ new WeakMap();
function cpuFactsOf(snapshot) {
  const rep = cpuPartsRepresentative(snapshot);
  let facts = cpuFactsByRepresentative.get(rep);
  if (!facts) cpuFactsByRepresentative.set(rep, facts = buildCpuFacts(snapshot));
  return facts;
}
function buildHostModel(snapshot, opts = {}) {
  const facts = cpuFactsOf(snapshot);
  const { possible, present, online, nodeCpus, cpuNode, isolationLayers, places } = facts;
  let isolation = facts.isolation;
  const nodes = (snapshot.nodes ?? []).map((n, i) => ({
    id: n.id,
    cpus: nodeCpus[i],
    memTotalKiB: n.memTotalKiB,
    memFreeKiB: n.memFreeKiB,
    hugepages: (n.hugepages ?? []).map((p) => ({ sizeKiB: p.sizeKiB, total: p.total, free: p.free })).sort((a, b) => a.sizeKiB - b.sizeKiB),
    zones: n.zones
  })).sort((a, b) => a.id - b.id);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  let housekeeping;
  if (opts.housekeepingOverride !== void 0) {
    housekeeping = opts.housekeepingOverride;
    if (isolation !== void 0) isolation = { ...isolation, notes: [...isolation.notes, `housekeeping set by configuration: ${housekeeping.toString()}`] };
  } else if (isolation !== void 0) {
    housekeeping = online.subtract(isolation.isolated);
  }
  const pageSizeKiB = snapshot.pageSizeKiB ?? 4;
  const missing = collectMissing(snapshot);
  const singleNodeSets = /* @__PURE__ */ new Map();
  return {
    snapshot,
    name: opts.name ?? snapshot.hostname ?? "host",
    online,
    possible,
    present,
    nodes,
    node: (id) => nodeById.get(id),
    nodeOfCpu: (cpu) => cpuNode.get(cpu),
    nodesOfCpus: (cpus) => {
      if (cpus.size === 1) {
        const node = cpuNode.get(cpus.min);
        if (node !== void 0 && nodeById.get(node)?.cpus.has(cpus.min)) {
          let set = singleNodeSets.get(node);
          if (!set) singleNodeSets.set(node, set = CpuSet.of(node));
          return set;
        }
      }
      return CpuSet.of(...nodes.filter((n) => n.cpus.intersects(cpus)).map((n) => n.id));
    },
    cpusOfNodes: (ids) => nodes.filter((n) => ids.has(n.id)).reduce((acc, n) => acc.union(n.cpus), CpuSet.empty),
    pageSizeKiB,
    defaultHugepageSizeKiB: defaultHugepageSize(snapshot, nodes),
    minFreeKbytes: snapshot.vm?.minFreeKbytes,
    watermarkScaleFactor: snapshot.vm?.watermarkScaleFactor ?? DEFAULT_WATERMARK_SCALE_FACTOR,
    isolation,
    libvirtVersion: opts.libvirtVersion ?? snapshot.libvirtVersion,
    housekeeping,
    missing,
    isolationLayers,
    siblingsOf: places.siblingsOf,
    get smt() {
      return places.smt;
    },
    placeOf: places.placeOf
  };
}
function defaultHugepageSize(s, nodes) {
  if (s.hugepages?.defaultSizeKiB !== void 0) return s.hugepages.defaultSizeKiB;
  if (s.kernel?.cmdline !== void 0) {
    const v = cmdlineParam(parseKernelCmdline(s.kernel.cmdline), "default_hugepagesz");
    const kib = v === void 0 ? void 0 : memparseKiB(v);
    if (kib !== void 0) return kib;
  }
  const sizes = new Set(s.hugepages?.sizesKiB ?? []);
  for (const n of nodes) for (const p of n.hugepages) sizes.add(p.sizeKiB);
  return sizes.size === 1 ? [...sizes][0] : void 0;
}
function collectMissing(s) {
  const missing = new Set(s.missing ?? []);
  const nodes = s.nodes ?? [];
  if (!nodes.some((n) => n.zones !== void 0 && n.zones.length > 0)) missing.add("zoneinfo");
  if (s.isolation === void 0 && s.kernel?.cmdline === void 0 && s.tuned === void 0) missing.add("isolation");
  const hasPools = nodes.some((n) => n.hugepages !== void 0);
  if (!hasPools && s.hugepages === void 0) missing.add("hugepages");
  if (!hasPools || nodes.some((n) => (n.hugepages ?? []).some((p) => p.free === void 0))) missing.add("hugepages.free");
  if (s.vm?.minFreeKbytes === void 0) missing.add("vm.min_free_kbytes");
  if (s.vm?.watermarkScaleFactor === void 0) missing.add("vm.watermark_scale_factor");
  if (nodes.some((n) => n.memTotalKiB === void 0)) missing.add("node.memTotal");
  if (nodes.some((n) => n.memFreeKiB === void 0)) missing.add("node.memFree");
  if (s.cpuTopology === void 0) missing.add("cpuTopology");
  if (s.kernel?.cmdline === void 0) missing.add("kernel.cmdline");
  return missing;
}

// src/engine/source.ts
import { constants as bufferConstants, isUtf8 } from "node:buffer";

// src/xml/parse.ts
var import_saxes = __toESM(require_saxes(), 1);

// src/xml/element.ts
function isXmlSpace(c) {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
var NO_CHILDREN = Object.freeze([]);
var MAX_ELEMENT_DEPTH = 256;
var LAZY_CONTAINERS = /* @__PURE__ */ new Set(["devices", "metadata", "sysinfo", "features", "clock", "os", "seclabel", "resource"]);
var ElementNode = class _ElementNode {
  constructor(source, name, parent, startTagStart, startTagEnd, selfClosing) {
    this.source = source;
    this.name = name;
    this.parent = parent;
    this.startTagStart = startTagStart;
    this.selfClosing = selfClosing;
    this.startTagEnd = startTagEnd;
  }
  source;
  name;
  parent;
  startTagStart;
  selfClosing;
  kids = NO_CHILDREN;
  /** Children not built yet (a lazy container). */
  lazy = false;
  /** Offsets kept as numbers; Range objects are made only for the few elements a rule looks at. */
  startTagEnd;
  endTagStart = -1;
  endTagEnd = -1;
  attrs;
  decodedText;
  get children() {
    if (this.lazy) this.materialize();
    return this.kids;
  }
  addChild(el) {
    if (this.kids === NO_CHILDREN) this.kids = [el];
    else this.kids.push(el);
  }
  /**
   * Called when the element closes: an array grown by push keeps room for ~16
   * more entries, which a plan of thousands of domains would carry to the end.
   */
  sealChildren() {
    if (this.kids.length > 1) this.kids = this.kids.slice();
  }
  /**
   * Builds the children of a lazy element from its source span, one level: each child that has
   * content is lazy in turn. A rule that asks for `<devices>` to find `<memballoon>` then builds
   * the thirty-odd device elements, not the hundred-odd below them (a 10,000-guest plan held
   * 1.3 million elements, 160 MB, when the whole subtree was built).
   *
   * The span was already found well formed (by fastParse or saxes), so this only has to find
   * the tags: it skips comments, CDATA sections and processing instructions, and steps over
   * quoted attribute values (which may hold `>`).
   */
  materialize() {
    this.lazy = false;
    const text = this.source;
    const end = this.endTagStart;
    let depth = 0;
    let child2;
    let i = text.indexOf("<", this.startTagEnd);
    while (i >= 0 && i < end) {
      const c = text.charCodeAt(i + 1);
      if (c === 47) {
        const close = text.indexOf(">", i + 2) + 1;
        if (--depth === 0) {
          child2.endTagStart = i;
          child2.endTagEnd = close;
        }
        i = text.indexOf("<", close);
      } else if (c === 33) {
        i = text.startsWith("<!--", i) ? text.indexOf("-->", i + 4) + 3 : text.indexOf("]]>", i + 9) + 3;
        i = text.indexOf("<", i);
      } else if (c === 63) {
        i = text.indexOf("<", text.indexOf("?>", i + 2) + 2);
      } else {
        let j = i + 2;
        for (let k = text.charCodeAt(j); k !== 62 && k !== 47 && !isXmlSpace(k); k = text.charCodeAt(++j)) ;
        const nameEnd = j;
        for (let k = text.charCodeAt(j); k !== 62; k = text.charCodeAt(++j)) {
          if (k === 34 || k === 39) j = text.indexOf(k === 34 ? '"' : "'", j + 1);
        }
        const selfClosing = text.charCodeAt(j - 1) === 47;
        if (depth === 0) {
          const el = new _ElementNode(text, nameAt(text, i + 1, nameEnd), this, i, j + 1, selfClosing);
          this.addChild(el);
          if (!selfClosing) {
            el.lazy = true;
            child2 = el;
          }
        }
        if (!selfClosing) depth++;
        i = text.indexOf("<", j + 1);
      }
    }
    this.sealChildren();
  }
  get startTag() {
    return { start: this.startTagStart, end: this.startTagEnd };
  }
  get endTag() {
    return this.endTagStart < 0 ? void 0 : { start: this.endTagStart, end: this.endTagEnd };
  }
  get range() {
    return { start: this.startTagStart, end: this.endTagStart < 0 ? this.startTagEnd : this.endTagEnd };
  }
  get contentRange() {
    if (this.endTagStart < 0) return { start: this.startTagEnd, end: this.startTagEnd };
    const text = this.source;
    let a = this.startTagEnd;
    let b = this.endTagStart;
    while (a < b && isXmlSpace(text.charCodeAt(a))) a++;
    while (b > a && isXmlSpace(text.charCodeAt(b - 1))) b--;
    return { start: a, end: b };
  }
  get attributes() {
    if (!this.attrs) {
      const end = this.startTagEnd;
      this.attrs = scanAttributes(this.source, this.startTagStart + 1 + this.name.length, this.selfClosing ? end - 2 : end - 1);
    }
    return this.attrs;
  }
  get attributeValues() {
    return Object.fromEntries(this.attributes.map((a) => [a.name, a.value]));
  }
  get text() {
    if (this.decodedText === void 0) {
      this.decodedText = this.endTagStart < 0 ? "" : directText(this.source, this.startTagEnd, this.endTagStart, this.children);
    }
    return this.decodedText;
  }
};
var NAME_SLOTS = 4096;
var NAME_PROBES = 8;
var names = new Array(NAME_SLOTS).fill(void 0);
var nameCount = 0;
var MAX_INTERNED_NAMES = NAME_SLOTS * 3 / 4;
function nameAt(text, start, end) {
  let hash = end - start;
  for (let i = start; i < end; i++) hash = Math.imul(hash, 31) + text.charCodeAt(i) | 0;
  let slot = hash & NAME_SLOTS - 1;
  for (let probe = 0; probe < NAME_PROBES; probe++, slot = slot + 1 & NAME_SLOTS - 1) {
    const known = names[slot];
    if (known === void 0) {
      const name = text.slice(start, end);
      if (nameCount < MAX_INTERNED_NAMES) {
        names[slot] = name;
        nameCount++;
      }
      return name;
    }
    if (known.length === end - start && text.startsWith(known, start)) return known;
  }
  return text.slice(start, end);
}
function openElement(source, node, end, parent) {
  const el = new ElementNode(source, node.name, parent, source.lastIndexOf("<", end - 1), end, node.isSelfClosing);
  parent?.addChild(el);
  return el;
}
function closeElement(source, el, end) {
  el.endTagEnd = end;
  el.endTagStart = source.lastIndexOf("</", end - 1);
  el.sealChildren();
}
var AttributeNode = class {
  constructor(name, value, nameStart, valueStart, valueEnd, quote) {
    this.name = name;
    this.value = value;
    this.nameStart = nameStart;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    this.quote = quote;
  }
  name;
  value;
  nameStart;
  valueStart;
  valueEnd;
  quote;
  get range() {
    return { start: this.nameStart, end: this.valueEnd + 1 };
  }
  get nameRange() {
    return { start: this.nameStart, end: this.nameStart + this.name.length };
  }
  get valueRange() {
    return { start: this.valueStart, end: this.valueEnd };
  }
};
var scannedAttributes = [];
function scanAttributes(text, from, to) {
  const out = scannedAttributes;
  let count = 0;
  let i = from;
  while (i < to) {
    while (i < to && isXmlSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const nameStart = i;
    while (i < to && text.charCodeAt(i) !== 61 && !isXmlSpace(text.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < to && text.charCodeAt(i) !== 61) i++;
    i++;
    while (i < to && isXmlSpace(text.charCodeAt(i))) i++;
    const quote = text[i] === '"' ? '"' : "'";
    const valueStart = i + 1;
    const valueEnd = text.indexOf(quote, valueStart);
    i = valueEnd + 1;
    const name = nameAt(text, nameStart, nameEnd);
    out[count++] = new AttributeNode(name, decodeAttributeValue(text.slice(valueStart, valueEnd)), nameStart, valueStart, valueEnd, quote);
  }
  const attributes = out.slice(0, count);
  out.fill(void 0, 0, count);
  return attributes;
}
var PREDEFINED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodeCharData(raw) {
  if (raw.indexOf("<") < 0 && raw.indexOf("&") < 0 && raw.indexOf("\r") < 0) return raw;
  let out = "";
  let i = 0;
  while (i < raw.length) {
    if (raw.startsWith("<![CDATA[", i)) {
      const end = raw.indexOf("]]>", i + 9);
      out += raw.slice(i + 9, end);
      i = end + 3;
    } else if (raw.startsWith("<!--", i)) {
      i = raw.indexOf("-->", i + 4) + 3;
    } else if (raw.startsWith("<?", i)) {
      i = raw.indexOf("?>", i + 2) + 2;
    } else if (raw[i] === "&") {
      const end = raw.indexOf(";", i);
      const ref = raw.slice(i + 1, end);
      out += ref[0] === "#" ? String.fromCodePoint(ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)) : PREDEFINED[ref] ?? "";
      i = end + 1;
    } else if (raw[i] === "\r") {
      out += "\n";
      i += raw[i + 1] === "\n" ? 2 : 1;
    } else {
      out += raw[i];
      i++;
    }
  }
  return out;
}
function decodeAttributeValue(raw) {
  if (raw.indexOf("&") < 0 && !/[\t\n\r]/.test(raw)) return raw;
  return decodeCharData(raw.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " "));
}
function directText(source, from, to, children) {
  let out = "";
  let at = from;
  for (const c of children) {
    out += decodeCharData(source.slice(at, c.range.start));
    at = c.range.end;
  }
  return out + decodeCharData(source.slice(at, to));
}

// src/xml/fast-parse.ts
function fastParse(text) {
  return new FastScanner(text).parse();
}
var TAB = 9;
var LF = 10;
var CR = 13;
var SPACE = 32;
var QUOT = 34;
var HASH = 35;
var AMP = 38;
var APOS = 39;
var MINUS = 45;
var SLASH = 47;
var SEMI = 59;
var LT = 60;
var EQ = 61;
var GT = 62;
var RSQB = 93;
var IN_CONTENT = 0;
var IN_ATTRIBUTE_VALUE = 1;
var IN_COMMENT = 2;
var MAX_ATTRIBUTES = 64;
function isSpace2(c) {
  return c === SPACE || c === LF || c === TAB || c === CR;
}
function isNameStart(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c === 58;
}
function isNameChar(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 95 || c === 58;
}
function isXmlChar(cp) {
  return cp === TAB || cp === LF || cp === CR || cp >= 32 && cp <= 55295 || cp >= 57344 && cp <= 65533 || cp >= 65536 && cp <= 1114111;
}
var XML_DECLARATION = /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/y;
var PREDEFINED_ENTITIES = ["amp", "lt", "gt", "quot", "apos"];
var OPEN_NAME_START = new Int32Array(MAX_ELEMENT_DEPTH + 1);
var OPEN_NAME_END = new Int32Array(MAX_ELEMENT_DEPTH + 1);
var ATTRIBUTE_START = new Int32Array(MAX_ATTRIBUTES);
var ATTRIBUTE_LENGTH = new Int32Array(MAX_ATTRIBUTES);
var FastScanner = class {
  constructor(text) {
    this.text = text;
    this.n = text.length;
  }
  text;
  n;
  comments = [];
  /** Open elements: name offsets (shared scratch: a parse runs to its end before the next begins), and the node when it was built. */
  nameStart = OPEN_NAME_START;
  nameEnd = OPEN_NAME_END;
  nodes = [];
  depth = 0;
  root;
  /** Name offsets of the current start tag's attributes, for the duplicate check (shared scratch). */
  attrStart = ATTRIBUTE_START;
  attrLength = ATTRIBUTE_LENGTH;
  parse() {
    const { text } = this;
    let i = text.charCodeAt(0) === 65279 ? 1 : 0;
    if (text.startsWith("<?xml", i)) {
      XML_DECLARATION.lastIndex = i;
      if (!XML_DECLARATION.test(text)) return void 0;
      i = XML_DECLARATION.lastIndex;
    }
    i = this.misc(i);
    if (i < 0 || text.charCodeAt(i) !== LT) return void 0;
    for (; ; ) {
      const c = text.charCodeAt(i + 1);
      if (isNameStart(c)) i = this.startTag(i);
      else if (c === SLASH) i = this.endTag(i);
      else return void 0;
      if (i < 0) return void 0;
      if (this.depth === 0) break;
      i = this.charData(i);
      if (i < 0) return void 0;
    }
    i = this.misc(i);
    if (i !== this.n) return void 0;
    return { root: this.root, comments: this.comments };
  }
  /** Whitespace and comments (before and after the root); returns the offset of anything else, -1 on a bad comment. */
  misc(i) {
    const { text, n } = this;
    for (; ; ) {
      while (i < n && isSpace2(text.charCodeAt(i))) i++;
      if (i >= n || !text.startsWith("<!--", i)) return i;
      i = this.comment(i);
      if (i < 0) return -1;
    }
  }
  /** `<!--` at `i`; returns the offset after `-->`. */
  comment(i) {
    const { text } = this;
    const bodyStart = i + 4;
    let j = bodyStart;
    for (; ; ) {
      j = this.chars(j, MINUS, IN_COMMENT);
      if (j < 0) return -1;
      if (text.charCodeAt(j + 1) === MINUS) break;
      j++;
    }
    if (text.charCodeAt(j + 2) !== GT) return -1;
    let body = text.slice(bodyStart, j);
    if (body.indexOf("\r") >= 0) body = body.replace(/\r\n?/g, "\n");
    this.comments.push({ text: body, range: { start: i, end: j + 3 } });
    return j + 3;
  }
  /** A start tag at `i`; returns the offset after its `>`. */
  startTag(i) {
    const { text } = this;
    if (this.depth > MAX_ELEMENT_DEPTH) return -1;
    const nameStart = i + 1;
    let j = nameStart + 1;
    while (isNameChar(text.charCodeAt(j))) j++;
    const nameEnd = j;
    let attributes = 0;
    let selfClosing = false;
    for (; ; ) {
      const before = j;
      while (isSpace2(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if (c === GT) {
        j++;
        break;
      }
      if (c === SLASH) {
        if (text.charCodeAt(j + 1) !== GT) return -1;
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === before || !isNameStart(c)) return -1;
      const attrStart = j;
      j++;
      while (isNameChar(text.charCodeAt(j))) j++;
      const length = j - attrStart;
      if (attributes === MAX_ATTRIBUTES || this.isDuplicateAttribute(attributes, attrStart, length)) return -1;
      this.attrStart[attributes] = attrStart;
      this.attrLength[attributes] = length;
      attributes++;
      while (isSpace2(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQ) return -1;
      j++;
      while (isSpace2(text.charCodeAt(j))) j++;
      const quote = text.charCodeAt(j);
      if (quote !== QUOT && quote !== APOS) return -1;
      j = this.chars(j + 1, quote, IN_ATTRIBUTE_VALUE);
      if (j < 0) return -1;
      j++;
    }
    this.openElement(i, nameStart, nameEnd, j, selfClosing);
    return j;
  }
  isDuplicateAttribute(count, start, length) {
    const { text } = this;
    for (let k = 0; k < count; k++) {
      if (this.attrLength[k] !== length) continue;
      const other = this.attrStart[k];
      let m = 0;
      while (m < length && text.charCodeAt(other + m) === text.charCodeAt(start + m)) m++;
      if (m === length) return true;
    }
    return false;
  }
  openElement(tagStart, nameStart, nameEnd, tagEnd, selfClosing) {
    const { depth } = this;
    const parent = depth > 0 ? this.nodes[depth - 1] : void 0;
    let node = null;
    if (depth === 0 || parent && !parent.lazy) {
      const name = nameAt(this.text, nameStart, nameEnd);
      node = new ElementNode(this.text, name, parent ?? void 0, tagStart, tagEnd, selfClosing);
      if (!parent) this.root = node;
      else {
        parent.addChild(node);
        if (!selfClosing && parent.parent === this.root && LAZY_CONTAINERS.has(parent.name)) node.lazy = true;
      }
    }
    if (selfClosing) return;
    this.nameStart[depth] = nameStart;
    this.nameEnd[depth] = nameEnd;
    this.nodes[depth] = node;
    this.depth = depth + 1;
  }
  /** `</` at `i`: must close the innermost open element; returns the offset after `>`. */
  endTag(i) {
    const { text } = this;
    if (this.depth === 0) return -1;
    const top = this.depth - 1;
    const start = this.nameStart[top];
    const length = this.nameEnd[top] - start;
    let j = i + 2;
    for (let m = 0; m < length; m++, j++) if (text.charCodeAt(j) !== text.charCodeAt(start + m)) return -1;
    if (isNameChar(text.charCodeAt(j))) return -1;
    while (isSpace2(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== GT) return -1;
    j++;
    const node = this.nodes[top];
    if (node) {
      node.endTagStart = i;
      node.endTagEnd = j;
      node.sealChildren();
    }
    this.nodes[top] = null;
    this.depth = top;
    return j;
  }
  /** Character data from `i` to the next `<` (returned); -1 on anything outside the subset. */
  charData(i) {
    const { text, n } = this;
    for (; ; ) {
      i = this.chars(i, LT, IN_CONTENT);
      if (i < 0) return -1;
      if (text.charCodeAt(i) !== LT) return -1;
      if (text.charCodeAt(i + 1) === 33 && text.startsWith("<!--", i)) {
        i = this.comment(i);
        if (i < 0 || i >= n) return -1;
        continue;
      }
      return i;
    }
  }
  /**
   * Scans characters from `i` up to the first `stop` (its offset is returned).
   * Every character must be an XML Char; outside comments `&` must start a
   * predefined entity or a character reference; in an attribute value `<` is an
   * error, in content `]]>` is. -1 when something else is found or the text
   * ends first.
   */
  chars(i, stop, context) {
    const { text, n } = this;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === stop) return i;
      if (c >= SPACE && c < 127) {
        if (c === AMP) {
          if (context !== IN_COMMENT) {
            i = this.reference(i);
            if (i < 0) return -1;
          }
        } else if (c === LT) {
          if (context === IN_ATTRIBUTE_VALUE) return -1;
        } else if (c === GT && context === IN_CONTENT && text.charCodeAt(i - 1) === RSQB && text.charCodeAt(i - 2) === RSQB) {
          return -1;
        }
        continue;
      }
      if (c === LF || c === TAB || c === CR) continue;
      if (c < SPACE) return -1;
      if (c < 55296) continue;
      if (c <= 56319) {
        const low = text.charCodeAt(i + 1);
        if (low >= 56320 && low <= 57343) {
          i++;
          continue;
        }
        return -1;
      }
      if (c <= 57343 || c >= 65534) return -1;
    }
    return -1;
  }
  /** `&` at `i` (outside comments): returns the offset of its `;`, -1 unless predefined or a valid character reference. */
  reference(i) {
    const { text } = this;
    if (text.charCodeAt(i + 1) === HASH) {
      const hex = text.charCodeAt(i + 2) === 120;
      let j = hex ? i + 3 : i + 2;
      const digitsStart = j;
      let cp = 0;
      for (; j - digitsStart < 8; j++) {
        const c = text.charCodeAt(j);
        const d = c >= 48 && c <= 57 ? c - 48 : hex && c >= 97 && c <= 102 ? c - 87 : hex && c >= 65 && c <= 70 ? c - 55 : -1;
        if (d < 0) break;
        cp = cp * (hex ? 16 : 10) + d;
      }
      if (j === digitsStart || text.charCodeAt(j) !== SEMI || !isXmlChar(cp)) return -1;
      return j;
    }
    for (const name of PREDEFINED_ENTITIES) {
      if (text.startsWith(name, i + 1) && text.charCodeAt(i + 1 + name.length) === SEMI) return i + 1 + name.length;
    }
    return -1;
  }
};

// src/xml/parse.ts
var StopParsing = class extends Error {
};
function parseXml(text) {
  const fast = fastParse(text);
  if (fast) return { text, root: fast.root, comments: fast.comments, error: void 0 };
  return parseXmlWithSaxes(text);
}
function parseXmlWithSaxes(text, eager = false) {
  const parser = new import_saxes.SaxesParser({ position: true });
  const comments = [];
  const stack = [];
  let root;
  let error;
  let lastEventEnd = 0;
  let lastClosed;
  let skipped = 0;
  let retryEager = false;
  parser.on("opentag", (node) => {
    const end = parser.position;
    lastEventEnd = end;
    if (stack.length + skipped > MAX_DEPTH) {
      const start = text.lastIndexOf("<", end - 1);
      error = {
        message: `<${node.name}> is nested more than ${MAX_DEPTH} elements deep: libvirt's XML parser (libxml2 without XML_PARSE_HUGE) refuses the document ("Excessive depth in document")`,
        offset: start,
        ...new LineIndex(text).position(start)
      };
      throw new StopParsing();
    }
    const parent = stack[stack.length - 1];
    if (!eager && (skipped > 0 || parent?.lazy)) {
      if (!node.isSelfClosing) skipped++;
      return;
    }
    const el = openElement(text, node, end, parent);
    if (!parent) root = el;
    else if (!eager && !node.isSelfClosing && parent.parent === root && LAZY_CONTAINERS.has(parent.name)) el.lazy = true;
    if (!node.isSelfClosing) stack.push(el);
  });
  parser.on("closetag", (node) => {
    lastEventEnd = parser.position;
    if (node.isSelfClosing) return;
    if (skipped > 0) {
      skipped--;
      return;
    }
    const el = stack.pop();
    if (!el) return;
    lastClosed = el;
    closeElement(text, el, parser.position);
  });
  parser.on("comment", (body) => {
    const end = text.indexOf(">", parser.position - 1) + 1;
    lastEventEnd = end;
    comments.push({ text: body, range: { start: text.lastIndexOf("<!--", end - 3), end } });
  });
  const markEnd = () => {
    lastEventEnd = parser.position;
  };
  if (eager) {
    parser.on("cdata", markEnd);
    parser.on("processinginstruction", markEnd);
    parser.on("doctype", markEnd);
    parser.on("xmldecl", markEnd);
  }
  parser.on("error", (err) => {
    if (!eager) {
      retryEager = true;
      throw new StopParsing();
    }
    const raw = err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "");
    const at = Math.min(parser.position, text.length);
    const explained = explainError(text, raw, at, parser.state, {
      lastEventEnd,
      lastClosed,
      open: stack[stack.length - 1],
      quote: parser.q,
      attributeName: parser.name,
      rootSeen: root !== void 0
    });
    const lines = new LineIndex(text);
    error = { message: explained.message, offset: explained.offset, ...lines.position(explained.offset) };
    throw new StopParsing();
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (!(e instanceof StopParsing)) throw e;
  }
  if (!error && !root) {
    const pos = new LineIndex(text).position(text.length);
    error = { message: "document has no root element", offset: text.length, ...pos };
  }
  if (retryEager) return parseXmlWithSaxes(text, true);
  return { text, root, comments, error };
}
var MAX_DEPTH = MAX_ELEMENT_DEPTH;
var S_ENTITY = 14;
var S_COMMENT_STATES = /* @__PURE__ */ new Set([17, 18, 19]);
var S_CDATA_STATES = /* @__PURE__ */ new Set([20, 21, 22]);
var S_PI_STATES = /* @__PURE__ */ new Set([23, 24, 25, 26]);
var S_DOCTYPE_STATES = /* @__PURE__ */ new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
var S_ATTRIB_VALUE_QUOTED = 40;
var S_START_TAG_STATES = /* @__PURE__ */ new Set([34, 35, 36, 37, 38, 39, 40, 41, 42]);
function explainError(text, raw, at, state, ctx) {
  let lines;
  const where = (offset) => {
    const p = (lines ??= new LineIndex(text)).position(offset);
    return `line ${p.line}, column ${p.column}`;
  };
  const atEnd = /^unclosed tag: |^unexpected end\.$/.test(raw);
  if (raw === "disallowed character in entity name." || raw === "empty entity name." || atEnd && state === S_ENTITY) {
    const semicolon = raw.startsWith("disallowed") || raw.startsWith("empty") ? text.lastIndexOf(";", at - 2) : text.lastIndexOf(";", at - 1);
    const amp = text.indexOf("&", Math.max(ctx.lastEventEnd, semicolon + 1));
    if (amp >= 0 && amp < at) {
      return { message: `'&' does not start an entity reference: write '&amp;' for a literal ampersand`, offset: amp };
    }
  }
  if (raw === "undefined entity.") {
    const amp = text.lastIndexOf("&", at - 1);
    const name = amp >= 0 ? text.slice(amp + 1, at - 1) : "";
    if (amp >= 0 && /^[^\s&;<>]+$/.test(name)) {
      return {
        // One line of at most 120 characters (xml-malformed's message): a long entity name is cut.
        message: `undefined entity '&${name.length > 32 ? `${name.slice(0, 31)}\u2026` : name};': kvmlint expands no DTD entities, only &amp; &lt; &gt; &quot; &apos; and &#\u2026;`,
        offset: amp
      };
    }
  }
  if (raw === "malformed character entity.") {
    const amp = text.lastIndexOf("&", at - 1);
    if (amp >= 0) return { message: `'${text.slice(amp, at)}' is not a character XML allows`, offset: amp };
  }
  if (raw === "unexpected close tag." && ctx.lastClosed) {
    const open = ctx.lastClosed;
    const lt = text.lastIndexOf("</", at - 1);
    const close = lt >= 0 ? text.slice(lt + 2, at - 1).trim() : "";
    return { message: `unexpected close tag </${close}>: <${open.name}> at ${where(open.startTagStart)} is still open`, offset: at };
  }
  if (raw === "malformed comment.") {
    const start = text.lastIndexOf("<!--", at);
    return { message: `'--' is not allowed inside a comment${start >= 0 ? ` (the comment starts at ${where(start)})` : ""}`, offset: at };
  }
  if (raw === "disallowed character.") {
    if (state === S_ATTRIB_VALUE_QUOTED && text[at - 1] === "<") {
      const q = ctx.quote ? String.fromCharCode(ctx.quote) : void 0;
      const open = q ? text.lastIndexOf(q, at - 2) : -1;
      const name = ctx.attributeName ? ` of '${ctx.attributeName}'` : "";
      return {
        message: `'<' is not allowed in an attribute value: the value${name}${open >= 0 ? ` opened with ${q} at ${where(open)}` : ""} has no closing quote`,
        offset: at - 1
      };
    }
    let start = at - 1;
    const low = text.charCodeAt(start);
    if (low >= 56320 && low <= 57343 && start >= 1) {
      const high = text.charCodeAt(start - 1);
      if (high >= 55296 && high <= 56319) start--;
    }
    const ch = start >= 0 ? text.codePointAt(start) : void 0;
    if (ch !== void 0) {
      const utf16 = ch === 0 && /^\uFEFF?<\0/.test(text) ? " (is this UTF-16 without a byte order mark?)" : "";
      return { message: `character U+${ch.toString(16).toUpperCase().padStart(4, "0")} is not allowed in XML 1.0${utf16}`, offset: start };
    }
  }
  if (atEnd && state !== void 0) {
    const opened = (token, closer, what) => {
      const start = text.lastIndexOf(token, at);
      return { message: `unclosed ${what}: ${start >= 0 ? `'${token}' at ${where(start)}` : "it"} has no '${closer}' before the end of the file`, offset: at };
    };
    if (S_COMMENT_STATES.has(state)) return opened("<!--", "-->", "comment");
    if (S_CDATA_STATES.has(state)) return opened("<![CDATA[", "]]>", "CDATA section");
    if (S_PI_STATES.has(state)) return opened("<?", "?>", "processing instruction");
    if (S_DOCTYPE_STATES.has(state)) return opened("<!DOCTYPE", ">", "document type declaration");
    if (S_START_TAG_STATES.has(state)) return opened("<", ">", "start tag");
  }
  if (raw.startsWith("unclosed tag: ") && ctx.open) {
    return { message: `unclosed tag <${ctx.open.name}> opened at ${where(ctx.open.startTagStart)}: the file ends before </${ctx.open.name}>`, offset: at };
  }
  if (raw === "text data outside of root node.") {
    let start = Math.min(ctx.lastEventEnd, at);
    while (start < at - 1 && (isXmlSpace(text.charCodeAt(start)) || start === 0 && text.charCodeAt(0) === 65279)) start++;
    return { message: ctx.rootSeen ? "text after the root element" : "text before the root element", offset: start };
  }
  return { message: raw.replace(/\.$/, ""), offset: at };
}

// src/engine/source.ts
var DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
var MAX_STRING_LENGTH = bufferConstants.MAX_STRING_LENGTH;
var ParsedSource = class {
  constructor(path3, text, doc) {
    this.path = path3;
    this.text = text;
    this.doc = doc;
  }
  path;
  text;
  doc;
  index;
  get lines() {
    return this.index ??= new LineIndex(this.text);
  }
};
function sourceFromText(path3, text, decodeError) {
  return new ParsedSource(path3, text, decodeError ? { text, root: void 0, comments: [], error: decodeError } : parseXml(text));
}
var readScratch = { buf: Buffer.allocUnsafe(64 * 1024) };

// src/generated/host-snapshot-validator.ts
var import_ucs2length = __toESM(require_ucs2length(), 1);
var host_snapshot_validator_default = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://raw.githubusercontent.com/kvmlint/kvmlint/main/schemas/host-snapshot.schema.json", "title": "kvmlint host snapshot", "description": "One hypervisor host as kvmlint sees it: CPUs, NUMA nodes, memory, hugepage pools, watermarks and CPU isolation. Written by `kvmlint snapshot` (from /sys, /proc and /etc/tuned) or by hand. A missing fact is an absent field, never an error: rules that need it stay silent.", "type": "object", "additionalProperties": false, "required": ["kvmlintHostSnapshot", "nodes"], "properties": { "$schema": { "type": "string", "title": "JSON Schema", "description": "Optional link to this schema, for editors." }, "kvmlintHostSnapshot": { "const": 1, "title": "Snapshot format version", "description": "Format version of this document. kvmlint reads version 1." }, "source": { "enum": ["capture", "virsh-capabilities", "numactl-hardware", "manual"], "title": "Source", "description": "Where the facts came from: `kvmlint snapshot` (capture), an imported `virsh capabilities` or `numactl --hardware` output, or written by hand (manual)." }, "hostname": { "type": "string", "title": "Host name", "description": "From /proc/sys/kernel/hostname. Names the host in findings; the file name is used when absent." }, "kernelRelease": { "type": "string", "title": "Kernel release", "description": "From /proc/sys/kernel/osrelease, e.g. 5.14.0-427.el9.x86_64." }, "libvirtVersion": { "type": "string", "pattern": "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "title": "libvirt version", "description": "The host's libvirt release, e.g. 10.4.0 (from `virsh --version`, `libvirtd --version` or the installed package). Where libvirt's behaviour changed between releases (the default CPU affinity of unpinned QEMU threads leaves out /sys/devices/system/cpu/isolated from 10.4.0 on), rules follow it; when absent they assume the older behaviour and say so once. The config's hosts[].libvirtVersion overrides it." }, "capturedAt": { "type": "string", "title": "Capture time", "description": "When the snapshot was taken (RFC 3339)." }, "missing": { "type": "array", "items": { "type": "string" }, "uniqueItems": true, "title": "Missing facts", "description": "Facts the source could not provide, by stable name: zoneinfo, isolation, hugepages, hugepages.free, vm.min_free_kbytes, vm.watermark_scale_factor, node.memTotal, node.memFree, cpuTopology, kernel.cmdline, libvirt.definitions (unreadable: not root), running.isolation (isolated CPUs unknown, so foreign tasks and IRQs not gathered)." }, "cpus": { "type": "object", "additionalProperties": false, "title": "Host CPUs", "description": "CPU masks from /sys/devices/system/cpu/{possible,present,online}, in the kernel cpu-list grammar.", "properties": { "possible": { "$ref": "#/definitions/cpuList", "title": "Possible CPUs", "description": "/sys/devices/system/cpu/possible: every CPU id the kernel allocated room for. Bounds what isolcpus= and nohz_full= may name." }, "present": { "$ref": "#/definitions/cpuList", "title": "Present CPUs", "description": "/sys/devices/system/cpu/present." }, "online": { "$ref": "#/definitions/cpuList", "title": "Online CPUs", "description": "/sys/devices/system/cpu/online. When absent, the union of the nodes' CPUs is used." } } }, "cpuTopology": { "type": "array", "title": "Per-CPU topology", "description": "One entry per CPU from /sys/devices/system/cpu/cpuN/topology.", "items": { "type": "object", "additionalProperties": false, "required": ["cpu"], "title": "CPU", "description": "Topology of one logical CPU.", "properties": { "cpu": { "type": "integer", "minimum": 0, "title": "CPU id", "description": "Logical CPU number N of cpuN." }, "node": { "type": "integer", "minimum": 0, "title": "NUMA node", "description": "The node whose cpulist holds this CPU." }, "socket": { "type": "integer", "minimum": -1, "title": "Socket", "description": "topology/physical_package_id (-1 when the firmware does not say)." }, "die": { "type": "integer", "minimum": -1, "title": "Die", "description": "topology/die_id." }, "core": { "type": "integer", "minimum": -1, "title": "Core", "description": "topology/core_id (unique within a socket, not host-wide)." }, "siblings": { "$ref": "#/definitions/cpuList", "title": "SMT siblings", "description": "topology/thread_siblings_list: this CPU and its hyperthread siblings." }, "online": { "type": "boolean", "title": "Online", "description": "cpuN/online; absent means online." } } } }, "nodes": { "type": "array", "minItems": 1, "title": "NUMA nodes", "description": "Every online NUMA node, including memory-less and CPU-less ones. A host without NUMA has one node 0.", "items": { "type": "object", "additionalProperties": false, "required": ["id", "cpus"], "title": "NUMA node", "description": "One node from /sys/devices/system/node/nodeN.", "properties": { "id": { "type": "integer", "minimum": 0, "title": "Node id", "description": "N of nodeN. Unique." }, "cpus": { "$ref": "#/definitions/cpuList", "title": "Node CPUs", "description": "nodeN/cpulist (empty string for a CPU-less node). A CPU belongs to one node only." }, "memTotalKiB": { "type": "integer", "minimum": 0, "title": "MemTotal (KiB)", "description": 'nodeN/meminfo "Node N MemTotal". numactl --hardware prints MB: multiply by 1024.' }, "memFreeKiB": { "type": "integer", "minimum": 0, "title": "MemFree (KiB)", "description": 'nodeN/meminfo "Node N MemFree" at capture time. At most memTotalKiB.' }, "distances": { "type": "array", "items": { "type": "integer", "minimum": 0 }, "title": "Distances", "description": "nodeN/distance: SLIT distance to each node, in the order of `nodes` (10 = local)." }, "hugepages": { "type": "array", "title": "Hugepage pools", "description": "nodeN/hugepages/hugepages-<size>kB: one pool per page size.", "items": { "type": "object", "additionalProperties": false, "required": ["sizeKiB", "total"], "title": "Hugepage pool", "description": "The pool of one page size on this node.", "properties": { "sizeKiB": { "type": "integer", "minimum": 1, "title": "Page size (KiB)", "description": "e.g. 2048 for 2 MiB pages, 1048576 for 1 GiB pages." }, "total": { "type": "integer", "minimum": 0, "title": "Pool size (pages)", "description": "nr_hugepages: pages reserved in this pool on this node." }, "free": { "type": "integer", "minimum": 0, "title": "Free pages", "description": "free_hugepages: pages of the pool not in use at capture time." }, "surplus": { "type": "integer", "minimum": 0, "title": "Surplus pages", "description": "surplus_hugepages: pages allocated beyond nr_hugepages (overcommit)." } } } }, "zones": { "type": "array", "title": "Memory zones", "description": "This node's zones from /proc/zoneinfo, used to split vm.min_free_kbytes exactly as the kernel does. When absent, MemTotal stands in for one Normal zone.", "items": { "type": "object", "additionalProperties": false, "required": ["name", "managedPages"], "title": "Zone", "description": 'One "Node N, zone NAME" block.', "properties": { "name": { "type": "string", "minLength": 1, "title": "Zone name", "description": "DMA, DMA32, Normal, Movable, HighMem or Device." }, "managedPages": { "type": "integer", "minimum": 0, "title": "Managed pages", "description": '"managed": pages the buddy allocator manages; the watermark split is proportional to it.' }, "presentPages": { "type": "integer", "minimum": 0, "title": "Present pages", "description": '"present".' }, "min": { "type": "integer", "minimum": 0, "title": "min watermark (pages)", "description": '"min" as the running kernel reported it, minus "boost".' }, "low": { "type": "integer", "minimum": 0, "title": "low watermark (pages)", "description": '"low" as the running kernel reported it, minus "boost".' }, "high": { "type": "integer", "minimum": 0, "title": "high watermark (pages)", "description": '"high" as the running kernel reported it, minus "boost".' } } } } } } }, "hugepages": { "type": "object", "additionalProperties": false, "title": "Hugepage sizes", "description": "Host-wide hugepage facts.", "properties": { "defaultSizeKiB": { "type": "integer", "minimum": 1, "title": "Default hugepage size (KiB)", "description": '"Hugepagesize:" in /proc/meminfo: the size a domain gets from <hugepages/> without a <page size>.' }, "sizesKiB": { "type": "array", "items": { "type": "integer", "minimum": 1 }, "uniqueItems": true, "title": "Supported sizes (KiB)", "description": "The sizes under /sys/kernel/mm/hugepages." } } }, "pageSizeKiB": { "type": "integer", "minimum": 1, "title": "Base page size (KiB)", "description": "The kernel page size (4 on x86_64; 4, 16 or 64 on arm64). Default 4." }, "vm": { "type": "object", "additionalProperties": false, "title": "VM sysctls", "description": "Memory-management sysctls from /proc/sys/vm.", "properties": { "minFreeKbytes": { "type": "integer", "minimum": 0, "title": "vm.min_free_kbytes", "description": "/proc/sys/vm/min_free_kbytes (KiB). Split over the zones of all nodes by size." }, "watermarkScaleFactor": { "type": "integer", "minimum": 1, "maximum": 3e3, "title": "vm.watermark_scale_factor", "description": "/proc/sys/vm/watermark_scale_factor, in 1/10000 of a zone. Default 10." } } }, "kernel": { "type": "object", "additionalProperties": false, "title": "Kernel", "description": "The booted kernel.", "properties": { "cmdline": { "type": "string", "title": "Kernel command line", "description": "/proc/cmdline: isolcpus=, nohz_full=, rcu_nocbs=, irqaffinity=, hugepagesz=, hugepages=, default_hugepagesz= are read from it." } } }, "isolation": { "type": "object", "additionalProperties": false, "title": "Running isolation", "description": "CPU isolation as the running kernel reports it. When present it wins over the command line.", "properties": { "isolated": { "$ref": "#/definitions/cpuList", "title": "Isolated CPUs", "description": "/sys/devices/system/cpu/isolated (empty string when none)." }, "nohzFull": { "$ref": "#/definitions/cpuList", "title": "nohz_full CPUs", "description": "/sys/devices/system/cpu/nohz_full (empty string when none)." } } }, "tuned": { "type": "object", "additionalProperties": false, "title": "tuned", "description": "The tuned daemon's profile and CPU partitioning variables.", "properties": { "activeProfile": { "type": "string", "title": "Active profile", "description": "/etc/tuned/active_profile, e.g. cpu-partitioning or realtime-virtual-host. Only those profiles' isolated_cores count as isolation." }, "includes": { "type": "array", "items": { "type": "string", "minLength": 1 }, "title": "Included profiles", "description": "The profiles the active profile includes (include= in each tuned.conf), directly or through one another, in the order tuned reads them. A custom profile that includes cpu-partitioning or realtime-virtual-host isolates like them." }, "isolatedCores": { "$ref": "#/definitions/cpuList", "title": "isolated_cores", "description": "isolated_cores= from /etc/tuned/cpu-partitioning-variables.conf (or realtime-variables.conf). tuned grammar: ^N and !N exclude, hex masks allowed." }, "noBalanceCores": { "$ref": "#/definitions/cpuList", "title": "no_balance_cores", "description": "no_balance_cores= from /etc/tuned/cpu-partitioning-variables.conf (tuned grammar)." } } }, "running": { "type": "object", "additionalProperties": false, "title": "What runs on the host", "description": "Captured by `kvmlint snapshot` when it can read /proc: the QEMU guests with their threads and memory, and what else runs or interrupts on isolated CPUs. Absent when not captured; the drift rules then stay silent.", "properties": { "guests": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["name", "pid", "threads"], "title": "Running guest", "description": "One QEMU process. Of its command line only the guest name (-name guest=) and uuid (-uuid) are kept: the rest can hold secrets.", "properties": { "name": { "type": "string", "title": "Guest name", "description": "-name guest=NAME (or -name NAME) of the QEMU command line." }, "uuid": { "type": "string", "title": "Guest uuid", "description": "-uuid of the QEMU command line." }, "pid": { "type": "integer", "minimum": 0, "title": "Process id", "description": "PID of the QEMU process." }, "rolesFrom": { "enum": ["status-xml", "thread-names"], "title": "Where thread roles came from", "description": "status-xml: libvirt's /run/libvirt/qemu/NAME.xml maps vCPU and IOThread ids to thread ids; thread-names: the names debug-threads=on gives (status XML unreadable, e.g. not root)." }, "threads": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["tid", "role", "allowedCpus"], "title": "Thread", "description": "One thread of the QEMU process, from /proc/PID/task/TID.", "properties": { "tid": { "type": "integer", "minimum": 0, "title": "Thread id", "description": "TID of /proc/PID/task/TID." }, "role": { "enum": ["vcpu", "iothread", "main", "worker"], "title": "Role", "description": "vcpu and iothread threads with their id; main (the process's first thread) and worker (every other QEMU thread) are what libvirt's <emulatorpin> pins. From libvirt's status XML (/run/libvirt/qemu/NAME.xml) where readable, else from the names QEMU gives threads with -name debug-threads=on (`CPU 0/KVM`, `IO iothread1`)." }, "id": { "type": "integer", "minimum": 0, "title": "vCPU or IOThread id", "description": "The vCPU id (`<vcpupin vcpu>`) or IOThread id (`<iothreadpin iothread>`) of a vcpu or iothread thread." }, "name": { "type": "string", "title": "Thread name", "description": "The thread's comm (/proc/PID/task/TID/comm), e.g. `CPU 0/KVM`." }, "allowedCpus": { "$ref": "#/definitions/cpuList", "title": "Allowed CPUs", "description": "Cpus_allowed_list of /proc/PID/task/TID/status: the CPUs the scheduler may run it on." }, "lastCpu": { "type": "integer", "minimum": 0, "title": "Last CPU", "description": "Field 39 (processor) of /proc/PID/task/TID/stat: the CPU it last ran on (`virsh vcpuinfo`'s CPU)." }, "policy": { "enum": ["other", "fifo", "rr", "batch", "idle", "deadline"], "title": "Scheduling policy", "description": "Field 41 (policy) of /proc/PID/task/TID/stat, as libvirt's <vcpusched scheduler> names it." }, "priority": { "type": "integer", "minimum": 0, "title": "Realtime priority", "description": "Field 40 (rt_priority) of /proc/PID/task/TID/stat: 1-99 for fifo and rr, 0 otherwise.", "maximum": 99 } } }, "title": "Threads", "description": "Every thread of the process." }, "memory": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["node", "pageSizeKiB", "kib"], "title": "Memory on one node", "description": "The guest's resident memory on one host node backed by pages of one size, summed from /proc/PID/numa_maps (N<node>=<pages> \xD7 kernelpagesize_kB).", "properties": { "node": { "type": "integer", "minimum": 0, "title": "Host node", "description": "N of N<node>= in numa_maps." }, "pageSizeKiB": { "type": "integer", "minimum": 1, "title": "Page size (KiB)", "description": "kernelpagesize_kB of the mappings: the base page size for small pages, the hugepage size for hugetlbfs mappings." }, "kib": { "type": "integer", "minimum": 0, "title": "Resident memory (KiB)", "description": "Pages on that node \xD7 page size." } } }, "title": "Memory per node", "description": "Where the guest's memory sits, per host node and page size (small pages and hugepages apart). Absent when /proc/PID/numa_maps could not be read." } } }, "title": "Running guests", "description": "Every QEMU process found under /proc." }, "isolatedCpus": { "$ref": "#/definitions/cpuList", "title": "Isolated CPUs checked", "description": "The isolated CPUs foreignTasks and irqs were gathered for (the host's isolated set at capture time)." }, "foreignTasks": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["pid", "tid", "name", "allowedCpus"], "title": "Foreign task", "description": "A task that is neither a guest thread nor a per-CPU kernel thread, allowed on or last run on an isolated CPU.", "properties": { "pid": { "type": "integer", "minimum": 0, "title": "Process id", "description": "PID (thread group id)." }, "tid": { "type": "integer", "minimum": 0, "title": "Thread id", "description": "TID." }, "name": { "type": "string", "title": "Name", "description": "comm of the task (never its command line)." }, "kernelThread": { "type": "boolean", "title": "Kernel thread", "description": "PF_KTHREAD set in /proc/PID/task/TID/stat flags (an unbound kernel thread)." }, "allowedCpus": { "$ref": "#/definitions/cpuList", "title": "Allowed CPUs", "description": "Cpus_allowed_list." }, "lastCpu": { "type": "integer", "minimum": 0, "title": "Last CPU", "description": "Field 39 of stat." } } }, "title": "Foreign tasks on isolated CPUs", "description": "Tasks other than guest threads and per-CPU kernel threads allowed on or last run on isolatedCpus." }, "irqs": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["irq", "affinity"], "title": "IRQ", "description": "An interrupt whose affinity includes isolated CPUs.", "properties": { "irq": { "type": "integer", "minimum": 0, "title": "IRQ number", "description": "N of /proc/irq/N." }, "name": { "type": "string", "title": "Actions", "description": "The handler names (directories under /proc/irq/N), e.g. `eth0-TxRx-3`." }, "affinity": { "$ref": "#/definitions/cpuList", "title": "Affinity", "description": "/proc/irq/N/smp_affinity_list." }, "effectiveAffinity": { "$ref": "#/definitions/cpuList", "title": "Effective affinity", "description": "/proc/irq/N/effective_affinity_list, where the kernel has it: the CPUs it is really delivered to." } } }, "title": "IRQs on isolated CPUs", "description": "IRQs whose effective affinity (else affinity) includes isolatedCpus." } } }, "libvirt": { "type": "object", "additionalProperties": false, "title": "libvirt", "description": "The host's libvirt.", "properties": { "definitions": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["file", "digest", "elements"], "title": "Persistent definition", "description": "One /etc/libvirt/qemu/NAME.xml reduced to what kvmlint reasons about.", "properties": { "file": { "type": "string", "title": "File", "description": "Its name under /etc/libvirt/qemu." }, "name": { "type": "string", "title": "Domain name", "description": "<name>." }, "uuid": { "type": "string", "title": "Domain uuid", "description": "<uuid>." }, "digest": { "type": "string", "title": "Digest", "description": "sha256 of the reduced elements (hex): equal digests mean equal definitions as kvmlint reasons about them.", "pattern": "^[0-9a-f]{64}$" }, "elements": { "type": "object", "title": "Reduced elements", "description": "Element name (vcpu, cputune, numatune, memoryBacking, cpu, memory) \u2192 its canonical form: attributes sorted, whitespace and comments dropped, sizes in KiB. An element the definition lacks is absent.", "additionalProperties": { "type": "string" }, "propertyNames": { "enum": ["vcpu", "cputune", "numatune", "memoryBacking", "cpu", "memory"] } } } }, "title": "Persistent definitions", "description": "The domains libvirt keeps under /etc/libvirt/qemu (readable as root), reduced; compared with the repository's files by uuid, then name." } } } }, "definitions": { "cpuList": { "title": "CPU list", "description": 'A CPU list as its source wrote it, e.g. "0-3,8-11". Either the raw text, or {"raw": text, "parsed": canonical form} as `kvmlint snapshot` writes it. Each field is parsed with its own grammar (kernel lists: N, A-B, A-B:used/group; tuned lists: also ^N, !N and hex masks).', "type": ["string", "object"], "additionalProperties": false, "required": ["raw"], "properties": { "raw": { "type": "string", "title": "Raw text", "description": "The list exactly as read from its source." }, "parsed": { "type": "string", "title": "Parsed form", "description": "Canonical list (e.g. 0-3,8) for readers. Must mean the same as raw." } } } } };
var schema12 = { "title": "CPU list", "description": 'A CPU list as its source wrote it, e.g. "0-3,8-11". Either the raw text, or {"raw": text, "parsed": canonical form} as `kvmlint snapshot` writes it. Each field is parsed with its own grammar (kernel lists: N, A-B, A-B:used/group; tuned lists: also ^N, !N and hex masks).', "type": ["string", "object"], "additionalProperties": false, "required": ["raw"], "properties": { "raw": { "type": "string", "title": "Raw text", "description": "The list exactly as read from its source." }, "parsed": { "type": "string", "title": "Parsed form", "description": "Canonical list (e.g. 0-3,8) for readers. Must mean the same as raw." } } };
var func2 = Object.prototype.hasOwnProperty;
var func3 = import_ucs2length.default.default;
var pattern0 = new RegExp("^[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "u");
var pattern1 = new RegExp("^[0-9a-f]{64}$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kvmlintHostSnapshot === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kvmlintHostSnapshot" }, message: "must have required property 'kvmlintHostSnapshot'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.nodes === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "nodes" }, message: "must have required property 'nodes'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.$schema !== void 0) {
      let data0 = data.$schema;
      if (typeof data0 !== "string") {
        const err3 = { instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.$schema.type, parentSchema: schema11.properties.$schema, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.kvmlintHostSnapshot !== void 0) {
      let data1 = data.kvmlintHostSnapshot;
      if (1 !== data1) {
        const err4 = { instancePath: instancePath + "/kvmlintHostSnapshot", schemaPath: "#/properties/kvmlintHostSnapshot/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema11.properties.kvmlintHostSnapshot, data: data1 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.source !== void 0) {
      let data2 = data.source;
      if (!(data2 === "capture" || data2 === "virsh-capabilities" || data2 === "numactl-hardware" || data2 === "manual")) {
        const err5 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/enum", keyword: "enum", params: { allowedValues: schema11.properties.source.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.source.enum, parentSchema: schema11.properties.source, data: data2 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.hostname !== void 0) {
      let data3 = data.hostname;
      if (typeof data3 !== "string") {
        const err6 = { instancePath: instancePath + "/hostname", schemaPath: "#/properties/hostname/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.hostname.type, parentSchema: schema11.properties.hostname, data: data3 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.kernelRelease !== void 0) {
      let data4 = data.kernelRelease;
      if (typeof data4 !== "string") {
        const err7 = { instancePath: instancePath + "/kernelRelease", schemaPath: "#/properties/kernelRelease/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.kernelRelease.type, parentSchema: schema11.properties.kernelRelease, data: data4 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.libvirtVersion !== void 0) {
      let data5 = data.libvirtVersion;
      if (typeof data5 === "string") {
        if (!pattern0.test(data5)) {
          const err8 = { instancePath: instancePath + "/libvirtVersion", schemaPath: "#/properties/libvirtVersion/pattern", keyword: "pattern", params: { pattern: "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$" }, message: 'must match pattern "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$"', schema: "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$", parentSchema: schema11.properties.libvirtVersion, data: data5 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/libvirtVersion", schemaPath: "#/properties/libvirtVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.libvirtVersion.type, parentSchema: schema11.properties.libvirtVersion, data: data5 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.capturedAt !== void 0) {
      let data6 = data.capturedAt;
      if (typeof data6 !== "string") {
        const err10 = { instancePath: instancePath + "/capturedAt", schemaPath: "#/properties/capturedAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.capturedAt.type, parentSchema: schema11.properties.capturedAt, data: data6 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.missing !== void 0) {
      let data7 = data.missing;
      if (Array.isArray(data7)) {
        const len0 = data7.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data8 = data7[i0];
          if (typeof data8 !== "string") {
            const err11 = { instancePath: instancePath + "/missing/" + i0, schemaPath: "#/properties/missing/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.missing.items.type, parentSchema: schema11.properties.missing.items, data: data8 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        let i1 = data7.length;
        let j0;
        if (i1 > 1) {
          const indices0 = {};
          for (; i1--; ) {
            let item0 = data7[i1];
            if (typeof item0 !== "string") {
              continue;
            }
            if (typeof indices0[item0] == "number") {
              j0 = indices0[item0];
              const err12 = { instancePath: instancePath + "/missing", schemaPath: "#/properties/missing/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema11.properties.missing, data: data7 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
              break;
            }
            indices0[item0] = i1;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/missing", schemaPath: "#/properties/missing/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.missing.type, parentSchema: schema11.properties.missing, data: data7 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.cpus !== void 0) {
      let data9 = data.cpus;
      if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
        for (const key1 in data9) {
          if (!(key1 === "possible" || key1 === "present" || key1 === "online")) {
            const err14 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.cpus, data: data9 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data9.possible !== void 0) {
          let data10 = data9.possible;
          if (typeof data10 !== "string" && !(data10 && typeof data10 == "object" && !Array.isArray(data10))) {
            const err15 = { instancePath: instancePath + "/cpus/possible", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data10 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
          if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            if (data10.raw === void 0) {
              const err16 = { instancePath: instancePath + "/cpus/possible", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data10 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            for (const key2 in data10) {
              if (!(key2 === "raw" || key2 === "parsed")) {
                const err17 = { instancePath: instancePath + "/cpus/possible", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data10 };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
            if (data10.raw !== void 0) {
              let data11 = data10.raw;
              if (typeof data11 !== "string") {
                const err18 = { instancePath: instancePath + "/cpus/possible/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data11 };
                if (vErrors === null) {
                  vErrors = [err18];
                } else {
                  vErrors.push(err18);
                }
                errors++;
              }
            }
            if (data10.parsed !== void 0) {
              let data12 = data10.parsed;
              if (typeof data12 !== "string") {
                const err19 = { instancePath: instancePath + "/cpus/possible/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data12 };
                if (vErrors === null) {
                  vErrors = [err19];
                } else {
                  vErrors.push(err19);
                }
                errors++;
              }
            }
          }
        }
        if (data9.present !== void 0) {
          let data13 = data9.present;
          if (typeof data13 !== "string" && !(data13 && typeof data13 == "object" && !Array.isArray(data13))) {
            const err20 = { instancePath: instancePath + "/cpus/present", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data13 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
          if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
            if (data13.raw === void 0) {
              const err21 = { instancePath: instancePath + "/cpus/present", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data13 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
            for (const key3 in data13) {
              if (!(key3 === "raw" || key3 === "parsed")) {
                const err22 = { instancePath: instancePath + "/cpus/present", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data13 };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
            if (data13.raw !== void 0) {
              let data14 = data13.raw;
              if (typeof data14 !== "string") {
                const err23 = { instancePath: instancePath + "/cpus/present/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data14 };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
            }
            if (data13.parsed !== void 0) {
              let data15 = data13.parsed;
              if (typeof data15 !== "string") {
                const err24 = { instancePath: instancePath + "/cpus/present/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data15 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
          }
        }
        if (data9.online !== void 0) {
          let data16 = data9.online;
          if (typeof data16 !== "string" && !(data16 && typeof data16 == "object" && !Array.isArray(data16))) {
            const err25 = { instancePath: instancePath + "/cpus/online", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data16 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
          if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
            if (data16.raw === void 0) {
              const err26 = { instancePath: instancePath + "/cpus/online", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data16 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
            for (const key4 in data16) {
              if (!(key4 === "raw" || key4 === "parsed")) {
                const err27 = { instancePath: instancePath + "/cpus/online", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data16 };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
            if (data16.raw !== void 0) {
              let data17 = data16.raw;
              if (typeof data17 !== "string") {
                const err28 = { instancePath: instancePath + "/cpus/online/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data17 };
                if (vErrors === null) {
                  vErrors = [err28];
                } else {
                  vErrors.push(err28);
                }
                errors++;
              }
            }
            if (data16.parsed !== void 0) {
              let data18 = data16.parsed;
              if (typeof data18 !== "string") {
                const err29 = { instancePath: instancePath + "/cpus/online/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data18 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err30 = { instancePath: instancePath + "/cpus", schemaPath: "#/properties/cpus/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.cpus.type, parentSchema: schema11.properties.cpus, data: data9 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.cpuTopology !== void 0) {
      let data19 = data.cpuTopology;
      if (Array.isArray(data19)) {
        const len1 = data19.length;
        for (let i2 = 0; i2 < len1; i2++) {
          let data20 = data19[i2];
          if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
            if (data20.cpu === void 0) {
              const err31 = { instancePath: instancePath + "/cpuTopology/" + i2, schemaPath: "#/properties/cpuTopology/items/required", keyword: "required", params: { missingProperty: "cpu" }, message: "must have required property 'cpu'", schema: schema11.properties.cpuTopology.items.required, parentSchema: schema11.properties.cpuTopology.items, data: data20 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
            for (const key5 in data20) {
              if (!(key5 === "cpu" || key5 === "node" || key5 === "socket" || key5 === "die" || key5 === "core" || key5 === "siblings" || key5 === "online")) {
                const err32 = { instancePath: instancePath + "/cpuTopology/" + i2, schemaPath: "#/properties/cpuTopology/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.cpuTopology.items, data: data20 };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            }
            if (data20.cpu !== void 0) {
              let data21 = data20.cpu;
              if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21))) {
                const err33 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/cpu", schemaPath: "#/properties/cpuTopology/items/properties/cpu/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.cpuTopology.items.properties.cpu.type, parentSchema: schema11.properties.cpuTopology.items.properties.cpu, data: data21 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
              if (typeof data21 == "number" && isFinite(data21)) {
                if (data21 < 0 || isNaN(data21)) {
                  const err34 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/cpu", schemaPath: "#/properties/cpuTopology/items/properties/cpu/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.cpuTopology.items.properties.cpu, data: data21 };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
              }
            }
            if (data20.node !== void 0) {
              let data22 = data20.node;
              if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
                const err35 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/node", schemaPath: "#/properties/cpuTopology/items/properties/node/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.cpuTopology.items.properties.node.type, parentSchema: schema11.properties.cpuTopology.items.properties.node, data: data22 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
              if (typeof data22 == "number" && isFinite(data22)) {
                if (data22 < 0 || isNaN(data22)) {
                  const err36 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/node", schemaPath: "#/properties/cpuTopology/items/properties/node/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.cpuTopology.items.properties.node, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err36];
                  } else {
                    vErrors.push(err36);
                  }
                  errors++;
                }
              }
            }
            if (data20.socket !== void 0) {
              let data23 = data20.socket;
              if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
                const err37 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/socket", schemaPath: "#/properties/cpuTopology/items/properties/socket/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.cpuTopology.items.properties.socket.type, parentSchema: schema11.properties.cpuTopology.items.properties.socket, data: data23 };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
              if (typeof data23 == "number" && isFinite(data23)) {
                if (data23 < -1 || isNaN(data23)) {
                  const err38 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/socket", schemaPath: "#/properties/cpuTopology/items/properties/socket/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema11.properties.cpuTopology.items.properties.socket, data: data23 };
                  if (vErrors === null) {
                    vErrors = [err38];
                  } else {
                    vErrors.push(err38);
                  }
                  errors++;
                }
              }
            }
            if (data20.die !== void 0) {
              let data24 = data20.die;
              if (!(typeof data24 == "number" && (!(data24 % 1) && !isNaN(data24)) && isFinite(data24))) {
                const err39 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/die", schemaPath: "#/properties/cpuTopology/items/properties/die/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.cpuTopology.items.properties.die.type, parentSchema: schema11.properties.cpuTopology.items.properties.die, data: data24 };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
              if (typeof data24 == "number" && isFinite(data24)) {
                if (data24 < -1 || isNaN(data24)) {
                  const err40 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/die", schemaPath: "#/properties/cpuTopology/items/properties/die/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema11.properties.cpuTopology.items.properties.die, data: data24 };
                  if (vErrors === null) {
                    vErrors = [err40];
                  } else {
                    vErrors.push(err40);
                  }
                  errors++;
                }
              }
            }
            if (data20.core !== void 0) {
              let data25 = data20.core;
              if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
                const err41 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/core", schemaPath: "#/properties/cpuTopology/items/properties/core/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.cpuTopology.items.properties.core.type, parentSchema: schema11.properties.cpuTopology.items.properties.core, data: data25 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
              if (typeof data25 == "number" && isFinite(data25)) {
                if (data25 < -1 || isNaN(data25)) {
                  const err42 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/core", schemaPath: "#/properties/cpuTopology/items/properties/core/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1 }, message: "must be >= -1", schema: -1, parentSchema: schema11.properties.cpuTopology.items.properties.core, data: data25 };
                  if (vErrors === null) {
                    vErrors = [err42];
                  } else {
                    vErrors.push(err42);
                  }
                  errors++;
                }
              }
            }
            if (data20.siblings !== void 0) {
              let data26 = data20.siblings;
              if (typeof data26 !== "string" && !(data26 && typeof data26 == "object" && !Array.isArray(data26))) {
                const err43 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/siblings", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data26 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
              if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                if (data26.raw === void 0) {
                  const err44 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/siblings", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data26 };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors++;
                }
                for (const key6 in data26) {
                  if (!(key6 === "raw" || key6 === "parsed")) {
                    const err45 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/siblings", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data26 };
                    if (vErrors === null) {
                      vErrors = [err45];
                    } else {
                      vErrors.push(err45);
                    }
                    errors++;
                  }
                }
                if (data26.raw !== void 0) {
                  let data27 = data26.raw;
                  if (typeof data27 !== "string") {
                    const err46 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/siblings/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data27 };
                    if (vErrors === null) {
                      vErrors = [err46];
                    } else {
                      vErrors.push(err46);
                    }
                    errors++;
                  }
                }
                if (data26.parsed !== void 0) {
                  let data28 = data26.parsed;
                  if (typeof data28 !== "string") {
                    const err47 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/siblings/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data28 };
                    if (vErrors === null) {
                      vErrors = [err47];
                    } else {
                      vErrors.push(err47);
                    }
                    errors++;
                  }
                }
              }
            }
            if (data20.online !== void 0) {
              let data29 = data20.online;
              if (typeof data29 !== "boolean") {
                const err48 = { instancePath: instancePath + "/cpuTopology/" + i2 + "/online", schemaPath: "#/properties/cpuTopology/items/properties/online/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.cpuTopology.items.properties.online.type, parentSchema: schema11.properties.cpuTopology.items.properties.online, data: data29 };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
          } else {
            const err49 = { instancePath: instancePath + "/cpuTopology/" + i2, schemaPath: "#/properties/cpuTopology/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.cpuTopology.items.type, parentSchema: schema11.properties.cpuTopology.items, data: data20 };
            if (vErrors === null) {
              vErrors = [err49];
            } else {
              vErrors.push(err49);
            }
            errors++;
          }
        }
      } else {
        const err50 = { instancePath: instancePath + "/cpuTopology", schemaPath: "#/properties/cpuTopology/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.cpuTopology.type, parentSchema: schema11.properties.cpuTopology, data: data19 };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
    }
    if (data.nodes !== void 0) {
      let data30 = data.nodes;
      if (Array.isArray(data30)) {
        if (data30.length < 1) {
          const err51 = { instancePath: instancePath + "/nodes", schemaPath: "#/properties/nodes/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.nodes, data: data30 };
          if (vErrors === null) {
            vErrors = [err51];
          } else {
            vErrors.push(err51);
          }
          errors++;
        }
        const len2 = data30.length;
        for (let i3 = 0; i3 < len2; i3++) {
          let data31 = data30[i3];
          if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
            if (data31.id === void 0) {
              const err52 = { instancePath: instancePath + "/nodes/" + i3, schemaPath: "#/properties/nodes/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema11.properties.nodes.items.required, parentSchema: schema11.properties.nodes.items, data: data31 };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
            if (data31.cpus === void 0) {
              const err53 = { instancePath: instancePath + "/nodes/" + i3, schemaPath: "#/properties/nodes/items/required", keyword: "required", params: { missingProperty: "cpus" }, message: "must have required property 'cpus'", schema: schema11.properties.nodes.items.required, parentSchema: schema11.properties.nodes.items, data: data31 };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
            for (const key7 in data31) {
              if (!(key7 === "id" || key7 === "cpus" || key7 === "memTotalKiB" || key7 === "memFreeKiB" || key7 === "distances" || key7 === "hugepages" || key7 === "zones")) {
                const err54 = { instancePath: instancePath + "/nodes/" + i3, schemaPath: "#/properties/nodes/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.nodes.items, data: data31 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
            if (data31.id !== void 0) {
              let data32 = data31.id;
              if (!(typeof data32 == "number" && (!(data32 % 1) && !isNaN(data32)) && isFinite(data32))) {
                const err55 = { instancePath: instancePath + "/nodes/" + i3 + "/id", schemaPath: "#/properties/nodes/items/properties/id/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.id.type, parentSchema: schema11.properties.nodes.items.properties.id, data: data32 };
                if (vErrors === null) {
                  vErrors = [err55];
                } else {
                  vErrors.push(err55);
                }
                errors++;
              }
              if (typeof data32 == "number" && isFinite(data32)) {
                if (data32 < 0 || isNaN(data32)) {
                  const err56 = { instancePath: instancePath + "/nodes/" + i3 + "/id", schemaPath: "#/properties/nodes/items/properties/id/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.id, data: data32 };
                  if (vErrors === null) {
                    vErrors = [err56];
                  } else {
                    vErrors.push(err56);
                  }
                  errors++;
                }
              }
            }
            if (data31.cpus !== void 0) {
              let data33 = data31.cpus;
              if (typeof data33 !== "string" && !(data33 && typeof data33 == "object" && !Array.isArray(data33))) {
                const err57 = { instancePath: instancePath + "/nodes/" + i3 + "/cpus", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data33 };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
              if (data33 && typeof data33 == "object" && !Array.isArray(data33)) {
                if (data33.raw === void 0) {
                  const err58 = { instancePath: instancePath + "/nodes/" + i3 + "/cpus", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data33 };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
                for (const key8 in data33) {
                  if (!(key8 === "raw" || key8 === "parsed")) {
                    const err59 = { instancePath: instancePath + "/nodes/" + i3 + "/cpus", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data33 };
                    if (vErrors === null) {
                      vErrors = [err59];
                    } else {
                      vErrors.push(err59);
                    }
                    errors++;
                  }
                }
                if (data33.raw !== void 0) {
                  let data34 = data33.raw;
                  if (typeof data34 !== "string") {
                    const err60 = { instancePath: instancePath + "/nodes/" + i3 + "/cpus/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data34 };
                    if (vErrors === null) {
                      vErrors = [err60];
                    } else {
                      vErrors.push(err60);
                    }
                    errors++;
                  }
                }
                if (data33.parsed !== void 0) {
                  let data35 = data33.parsed;
                  if (typeof data35 !== "string") {
                    const err61 = { instancePath: instancePath + "/nodes/" + i3 + "/cpus/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data35 };
                    if (vErrors === null) {
                      vErrors = [err61];
                    } else {
                      vErrors.push(err61);
                    }
                    errors++;
                  }
                }
              }
            }
            if (data31.memTotalKiB !== void 0) {
              let data36 = data31.memTotalKiB;
              if (!(typeof data36 == "number" && (!(data36 % 1) && !isNaN(data36)) && isFinite(data36))) {
                const err62 = { instancePath: instancePath + "/nodes/" + i3 + "/memTotalKiB", schemaPath: "#/properties/nodes/items/properties/memTotalKiB/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.memTotalKiB.type, parentSchema: schema11.properties.nodes.items.properties.memTotalKiB, data: data36 };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              }
              if (typeof data36 == "number" && isFinite(data36)) {
                if (data36 < 0 || isNaN(data36)) {
                  const err63 = { instancePath: instancePath + "/nodes/" + i3 + "/memTotalKiB", schemaPath: "#/properties/nodes/items/properties/memTotalKiB/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.memTotalKiB, data: data36 };
                  if (vErrors === null) {
                    vErrors = [err63];
                  } else {
                    vErrors.push(err63);
                  }
                  errors++;
                }
              }
            }
            if (data31.memFreeKiB !== void 0) {
              let data37 = data31.memFreeKiB;
              if (!(typeof data37 == "number" && (!(data37 % 1) && !isNaN(data37)) && isFinite(data37))) {
                const err64 = { instancePath: instancePath + "/nodes/" + i3 + "/memFreeKiB", schemaPath: "#/properties/nodes/items/properties/memFreeKiB/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.memFreeKiB.type, parentSchema: schema11.properties.nodes.items.properties.memFreeKiB, data: data37 };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
              if (typeof data37 == "number" && isFinite(data37)) {
                if (data37 < 0 || isNaN(data37)) {
                  const err65 = { instancePath: instancePath + "/nodes/" + i3 + "/memFreeKiB", schemaPath: "#/properties/nodes/items/properties/memFreeKiB/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.memFreeKiB, data: data37 };
                  if (vErrors === null) {
                    vErrors = [err65];
                  } else {
                    vErrors.push(err65);
                  }
                  errors++;
                }
              }
            }
            if (data31.distances !== void 0) {
              let data38 = data31.distances;
              if (Array.isArray(data38)) {
                const len3 = data38.length;
                for (let i4 = 0; i4 < len3; i4++) {
                  let data39 = data38[i4];
                  if (!(typeof data39 == "number" && (!(data39 % 1) && !isNaN(data39)) && isFinite(data39))) {
                    const err66 = { instancePath: instancePath + "/nodes/" + i3 + "/distances/" + i4, schemaPath: "#/properties/nodes/items/properties/distances/items/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.distances.items.type, parentSchema: schema11.properties.nodes.items.properties.distances.items, data: data39 };
                    if (vErrors === null) {
                      vErrors = [err66];
                    } else {
                      vErrors.push(err66);
                    }
                    errors++;
                  }
                  if (typeof data39 == "number" && isFinite(data39)) {
                    if (data39 < 0 || isNaN(data39)) {
                      const err67 = { instancePath: instancePath + "/nodes/" + i3 + "/distances/" + i4, schemaPath: "#/properties/nodes/items/properties/distances/items/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.distances.items, data: data39 };
                      if (vErrors === null) {
                        vErrors = [err67];
                      } else {
                        vErrors.push(err67);
                      }
                      errors++;
                    }
                  }
                }
              } else {
                const err68 = { instancePath: instancePath + "/nodes/" + i3 + "/distances", schemaPath: "#/properties/nodes/items/properties/distances/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.nodes.items.properties.distances.type, parentSchema: schema11.properties.nodes.items.properties.distances, data: data38 };
                if (vErrors === null) {
                  vErrors = [err68];
                } else {
                  vErrors.push(err68);
                }
                errors++;
              }
            }
            if (data31.hugepages !== void 0) {
              let data40 = data31.hugepages;
              if (Array.isArray(data40)) {
                const len4 = data40.length;
                for (let i5 = 0; i5 < len4; i5++) {
                  let data41 = data40[i5];
                  if (data41 && typeof data41 == "object" && !Array.isArray(data41)) {
                    if (data41.sizeKiB === void 0) {
                      const err69 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5, schemaPath: "#/properties/nodes/items/properties/hugepages/items/required", keyword: "required", params: { missingProperty: "sizeKiB" }, message: "must have required property 'sizeKiB'", schema: schema11.properties.nodes.items.properties.hugepages.items.required, parentSchema: schema11.properties.nodes.items.properties.hugepages.items, data: data41 };
                      if (vErrors === null) {
                        vErrors = [err69];
                      } else {
                        vErrors.push(err69);
                      }
                      errors++;
                    }
                    if (data41.total === void 0) {
                      const err70 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5, schemaPath: "#/properties/nodes/items/properties/hugepages/items/required", keyword: "required", params: { missingProperty: "total" }, message: "must have required property 'total'", schema: schema11.properties.nodes.items.properties.hugepages.items.required, parentSchema: schema11.properties.nodes.items.properties.hugepages.items, data: data41 };
                      if (vErrors === null) {
                        vErrors = [err70];
                      } else {
                        vErrors.push(err70);
                      }
                      errors++;
                    }
                    for (const key9 in data41) {
                      if (!(key9 === "sizeKiB" || key9 === "total" || key9 === "free" || key9 === "surplus")) {
                        const err71 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5, schemaPath: "#/properties/nodes/items/properties/hugepages/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.nodes.items.properties.hugepages.items, data: data41 };
                        if (vErrors === null) {
                          vErrors = [err71];
                        } else {
                          vErrors.push(err71);
                        }
                        errors++;
                      }
                    }
                    if (data41.sizeKiB !== void 0) {
                      let data42 = data41.sizeKiB;
                      if (!(typeof data42 == "number" && (!(data42 % 1) && !isNaN(data42)) && isFinite(data42))) {
                        const err72 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5 + "/sizeKiB", schemaPath: "#/properties/nodes/items/properties/hugepages/items/properties/sizeKiB/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.hugepages.items.properties.sizeKiB.type, parentSchema: schema11.properties.nodes.items.properties.hugepages.items.properties.sizeKiB, data: data42 };
                        if (vErrors === null) {
                          vErrors = [err72];
                        } else {
                          vErrors.push(err72);
                        }
                        errors++;
                      }
                      if (typeof data42 == "number" && isFinite(data42)) {
                        if (data42 < 1 || isNaN(data42)) {
                          const err73 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5 + "/sizeKiB", schemaPath: "#/properties/nodes/items/properties/hugepages/items/properties/sizeKiB/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.nodes.items.properties.hugepages.items.properties.sizeKiB, data: data42 };
                          if (vErrors === null) {
                            vErrors = [err73];
                          } else {
                            vErrors.push(err73);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data41.total !== void 0) {
                      let data43 = data41.total;
                      if (!(typeof data43 == "number" && (!(data43 % 1) && !isNaN(data43)) && isFinite(data43))) {
                        const err74 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5 + "/total", schemaPath: "#/properties/nodes/items/properties/hugepages/items/properties/total/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.hugepages.items.properties.total.type, parentSchema: schema11.properties.nodes.items.properties.hugepages.items.properties.total, data: data43 };
                        if (vErrors === null) {
                          vErrors = [err74];
                        } else {
                          vErrors.push(err74);
                        }
                        errors++;
                      }
                      if (typeof data43 == "number" && isFinite(data43)) {
                        if (data43 < 0 || isNaN(data43)) {
                          const err75 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5 + "/total", schemaPath: "#/properties/nodes/items/properties/hugepages/items/properties/total/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.hugepages.items.properties.total, data: data43 };
                          if (vErrors === null) {
                            vErrors = [err75];
                          } else {
                            vErrors.push(err75);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data41.free !== void 0) {
                      let data44 = data41.free;
                      if (!(typeof data44 == "number" && (!(data44 % 1) && !isNaN(data44)) && isFinite(data44))) {
                        const err76 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5 + "/free", schemaPath: "#/properties/nodes/items/properties/hugepages/items/properties/free/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.hugepages.items.properties.free.type, parentSchema: schema11.properties.nodes.items.properties.hugepages.items.properties.free, data: data44 };
                        if (vErrors === null) {
                          vErrors = [err76];
                        } else {
                          vErrors.push(err76);
                        }
                        errors++;
                      }
                      if (typeof data44 == "number" && isFinite(data44)) {
                        if (data44 < 0 || isNaN(data44)) {
                          const err77 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5 + "/free", schemaPath: "#/properties/nodes/items/properties/hugepages/items/properties/free/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.hugepages.items.properties.free, data: data44 };
                          if (vErrors === null) {
                            vErrors = [err77];
                          } else {
                            vErrors.push(err77);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data41.surplus !== void 0) {
                      let data45 = data41.surplus;
                      if (!(typeof data45 == "number" && (!(data45 % 1) && !isNaN(data45)) && isFinite(data45))) {
                        const err78 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5 + "/surplus", schemaPath: "#/properties/nodes/items/properties/hugepages/items/properties/surplus/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.hugepages.items.properties.surplus.type, parentSchema: schema11.properties.nodes.items.properties.hugepages.items.properties.surplus, data: data45 };
                        if (vErrors === null) {
                          vErrors = [err78];
                        } else {
                          vErrors.push(err78);
                        }
                        errors++;
                      }
                      if (typeof data45 == "number" && isFinite(data45)) {
                        if (data45 < 0 || isNaN(data45)) {
                          const err79 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5 + "/surplus", schemaPath: "#/properties/nodes/items/properties/hugepages/items/properties/surplus/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.hugepages.items.properties.surplus, data: data45 };
                          if (vErrors === null) {
                            vErrors = [err79];
                          } else {
                            vErrors.push(err79);
                          }
                          errors++;
                        }
                      }
                    }
                  } else {
                    const err80 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages/" + i5, schemaPath: "#/properties/nodes/items/properties/hugepages/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.nodes.items.properties.hugepages.items.type, parentSchema: schema11.properties.nodes.items.properties.hugepages.items, data: data41 };
                    if (vErrors === null) {
                      vErrors = [err80];
                    } else {
                      vErrors.push(err80);
                    }
                    errors++;
                  }
                }
              } else {
                const err81 = { instancePath: instancePath + "/nodes/" + i3 + "/hugepages", schemaPath: "#/properties/nodes/items/properties/hugepages/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.nodes.items.properties.hugepages.type, parentSchema: schema11.properties.nodes.items.properties.hugepages, data: data40 };
                if (vErrors === null) {
                  vErrors = [err81];
                } else {
                  vErrors.push(err81);
                }
                errors++;
              }
            }
            if (data31.zones !== void 0) {
              let data46 = data31.zones;
              if (Array.isArray(data46)) {
                const len5 = data46.length;
                for (let i6 = 0; i6 < len5; i6++) {
                  let data47 = data46[i6];
                  if (data47 && typeof data47 == "object" && !Array.isArray(data47)) {
                    if (data47.name === void 0) {
                      const err82 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6, schemaPath: "#/properties/nodes/items/properties/zones/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema11.properties.nodes.items.properties.zones.items.required, parentSchema: schema11.properties.nodes.items.properties.zones.items, data: data47 };
                      if (vErrors === null) {
                        vErrors = [err82];
                      } else {
                        vErrors.push(err82);
                      }
                      errors++;
                    }
                    if (data47.managedPages === void 0) {
                      const err83 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6, schemaPath: "#/properties/nodes/items/properties/zones/items/required", keyword: "required", params: { missingProperty: "managedPages" }, message: "must have required property 'managedPages'", schema: schema11.properties.nodes.items.properties.zones.items.required, parentSchema: schema11.properties.nodes.items.properties.zones.items, data: data47 };
                      if (vErrors === null) {
                        vErrors = [err83];
                      } else {
                        vErrors.push(err83);
                      }
                      errors++;
                    }
                    for (const key10 in data47) {
                      if (!(key10 === "name" || key10 === "managedPages" || key10 === "presentPages" || key10 === "min" || key10 === "low" || key10 === "high")) {
                        const err84 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6, schemaPath: "#/properties/nodes/items/properties/zones/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.nodes.items.properties.zones.items, data: data47 };
                        if (vErrors === null) {
                          vErrors = [err84];
                        } else {
                          vErrors.push(err84);
                        }
                        errors++;
                      }
                    }
                    if (data47.name !== void 0) {
                      let data48 = data47.name;
                      if (typeof data48 === "string") {
                        if (func3(data48) < 1) {
                          const err85 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/name", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.name, data: data48 };
                          if (vErrors === null) {
                            vErrors = [err85];
                          } else {
                            vErrors.push(err85);
                          }
                          errors++;
                        }
                      } else {
                        const err86 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/name", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.nodes.items.properties.zones.items.properties.name.type, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.name, data: data48 };
                        if (vErrors === null) {
                          vErrors = [err86];
                        } else {
                          vErrors.push(err86);
                        }
                        errors++;
                      }
                    }
                    if (data47.managedPages !== void 0) {
                      let data49 = data47.managedPages;
                      if (!(typeof data49 == "number" && (!(data49 % 1) && !isNaN(data49)) && isFinite(data49))) {
                        const err87 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/managedPages", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/managedPages/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.zones.items.properties.managedPages.type, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.managedPages, data: data49 };
                        if (vErrors === null) {
                          vErrors = [err87];
                        } else {
                          vErrors.push(err87);
                        }
                        errors++;
                      }
                      if (typeof data49 == "number" && isFinite(data49)) {
                        if (data49 < 0 || isNaN(data49)) {
                          const err88 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/managedPages", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/managedPages/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.managedPages, data: data49 };
                          if (vErrors === null) {
                            vErrors = [err88];
                          } else {
                            vErrors.push(err88);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data47.presentPages !== void 0) {
                      let data50 = data47.presentPages;
                      if (!(typeof data50 == "number" && (!(data50 % 1) && !isNaN(data50)) && isFinite(data50))) {
                        const err89 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/presentPages", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/presentPages/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.zones.items.properties.presentPages.type, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.presentPages, data: data50 };
                        if (vErrors === null) {
                          vErrors = [err89];
                        } else {
                          vErrors.push(err89);
                        }
                        errors++;
                      }
                      if (typeof data50 == "number" && isFinite(data50)) {
                        if (data50 < 0 || isNaN(data50)) {
                          const err90 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/presentPages", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/presentPages/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.presentPages, data: data50 };
                          if (vErrors === null) {
                            vErrors = [err90];
                          } else {
                            vErrors.push(err90);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data47.min !== void 0) {
                      let data51 = data47.min;
                      if (!(typeof data51 == "number" && (!(data51 % 1) && !isNaN(data51)) && isFinite(data51))) {
                        const err91 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/min", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/min/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.zones.items.properties.min.type, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.min, data: data51 };
                        if (vErrors === null) {
                          vErrors = [err91];
                        } else {
                          vErrors.push(err91);
                        }
                        errors++;
                      }
                      if (typeof data51 == "number" && isFinite(data51)) {
                        if (data51 < 0 || isNaN(data51)) {
                          const err92 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/min", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/min/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.min, data: data51 };
                          if (vErrors === null) {
                            vErrors = [err92];
                          } else {
                            vErrors.push(err92);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data47.low !== void 0) {
                      let data52 = data47.low;
                      if (!(typeof data52 == "number" && (!(data52 % 1) && !isNaN(data52)) && isFinite(data52))) {
                        const err93 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/low", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/low/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.zones.items.properties.low.type, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.low, data: data52 };
                        if (vErrors === null) {
                          vErrors = [err93];
                        } else {
                          vErrors.push(err93);
                        }
                        errors++;
                      }
                      if (typeof data52 == "number" && isFinite(data52)) {
                        if (data52 < 0 || isNaN(data52)) {
                          const err94 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/low", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/low/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.low, data: data52 };
                          if (vErrors === null) {
                            vErrors = [err94];
                          } else {
                            vErrors.push(err94);
                          }
                          errors++;
                        }
                      }
                    }
                    if (data47.high !== void 0) {
                      let data53 = data47.high;
                      if (!(typeof data53 == "number" && (!(data53 % 1) && !isNaN(data53)) && isFinite(data53))) {
                        const err95 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/high", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/high/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.nodes.items.properties.zones.items.properties.high.type, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.high, data: data53 };
                        if (vErrors === null) {
                          vErrors = [err95];
                        } else {
                          vErrors.push(err95);
                        }
                        errors++;
                      }
                      if (typeof data53 == "number" && isFinite(data53)) {
                        if (data53 < 0 || isNaN(data53)) {
                          const err96 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6 + "/high", schemaPath: "#/properties/nodes/items/properties/zones/items/properties/high/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.nodes.items.properties.zones.items.properties.high, data: data53 };
                          if (vErrors === null) {
                            vErrors = [err96];
                          } else {
                            vErrors.push(err96);
                          }
                          errors++;
                        }
                      }
                    }
                  } else {
                    const err97 = { instancePath: instancePath + "/nodes/" + i3 + "/zones/" + i6, schemaPath: "#/properties/nodes/items/properties/zones/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.nodes.items.properties.zones.items.type, parentSchema: schema11.properties.nodes.items.properties.zones.items, data: data47 };
                    if (vErrors === null) {
                      vErrors = [err97];
                    } else {
                      vErrors.push(err97);
                    }
                    errors++;
                  }
                }
              } else {
                const err98 = { instancePath: instancePath + "/nodes/" + i3 + "/zones", schemaPath: "#/properties/nodes/items/properties/zones/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.nodes.items.properties.zones.type, parentSchema: schema11.properties.nodes.items.properties.zones, data: data46 };
                if (vErrors === null) {
                  vErrors = [err98];
                } else {
                  vErrors.push(err98);
                }
                errors++;
              }
            }
          } else {
            const err99 = { instancePath: instancePath + "/nodes/" + i3, schemaPath: "#/properties/nodes/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.nodes.items.type, parentSchema: schema11.properties.nodes.items, data: data31 };
            if (vErrors === null) {
              vErrors = [err99];
            } else {
              vErrors.push(err99);
            }
            errors++;
          }
        }
      } else {
        const err100 = { instancePath: instancePath + "/nodes", schemaPath: "#/properties/nodes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.nodes.type, parentSchema: schema11.properties.nodes, data: data30 };
        if (vErrors === null) {
          vErrors = [err100];
        } else {
          vErrors.push(err100);
        }
        errors++;
      }
    }
    if (data.hugepages !== void 0) {
      let data54 = data.hugepages;
      if (data54 && typeof data54 == "object" && !Array.isArray(data54)) {
        for (const key11 in data54) {
          if (!(key11 === "defaultSizeKiB" || key11 === "sizesKiB")) {
            const err101 = { instancePath: instancePath + "/hugepages", schemaPath: "#/properties/hugepages/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.hugepages, data: data54 };
            if (vErrors === null) {
              vErrors = [err101];
            } else {
              vErrors.push(err101);
            }
            errors++;
          }
        }
        if (data54.defaultSizeKiB !== void 0) {
          let data55 = data54.defaultSizeKiB;
          if (!(typeof data55 == "number" && (!(data55 % 1) && !isNaN(data55)) && isFinite(data55))) {
            const err102 = { instancePath: instancePath + "/hugepages/defaultSizeKiB", schemaPath: "#/properties/hugepages/properties/defaultSizeKiB/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.hugepages.properties.defaultSizeKiB.type, parentSchema: schema11.properties.hugepages.properties.defaultSizeKiB, data: data55 };
            if (vErrors === null) {
              vErrors = [err102];
            } else {
              vErrors.push(err102);
            }
            errors++;
          }
          if (typeof data55 == "number" && isFinite(data55)) {
            if (data55 < 1 || isNaN(data55)) {
              const err103 = { instancePath: instancePath + "/hugepages/defaultSizeKiB", schemaPath: "#/properties/hugepages/properties/defaultSizeKiB/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.hugepages.properties.defaultSizeKiB, data: data55 };
              if (vErrors === null) {
                vErrors = [err103];
              } else {
                vErrors.push(err103);
              }
              errors++;
            }
          }
        }
        if (data54.sizesKiB !== void 0) {
          let data56 = data54.sizesKiB;
          if (Array.isArray(data56)) {
            const len6 = data56.length;
            for (let i7 = 0; i7 < len6; i7++) {
              let data57 = data56[i7];
              if (!(typeof data57 == "number" && (!(data57 % 1) && !isNaN(data57)) && isFinite(data57))) {
                const err104 = { instancePath: instancePath + "/hugepages/sizesKiB/" + i7, schemaPath: "#/properties/hugepages/properties/sizesKiB/items/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.hugepages.properties.sizesKiB.items.type, parentSchema: schema11.properties.hugepages.properties.sizesKiB.items, data: data57 };
                if (vErrors === null) {
                  vErrors = [err104];
                } else {
                  vErrors.push(err104);
                }
                errors++;
              }
              if (typeof data57 == "number" && isFinite(data57)) {
                if (data57 < 1 || isNaN(data57)) {
                  const err105 = { instancePath: instancePath + "/hugepages/sizesKiB/" + i7, schemaPath: "#/properties/hugepages/properties/sizesKiB/items/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.hugepages.properties.sizesKiB.items, data: data57 };
                  if (vErrors === null) {
                    vErrors = [err105];
                  } else {
                    vErrors.push(err105);
                  }
                  errors++;
                }
              }
            }
            let i8 = data56.length;
            let j1;
            if (i8 > 1) {
              const indices1 = {};
              for (; i8--; ) {
                let item1 = data56[i8];
                if (!(typeof item1 == "number" && (!(item1 % 1) && !isNaN(item1)) && isFinite(item1))) {
                  continue;
                }
                if (typeof indices1[item1] == "number") {
                  j1 = indices1[item1];
                  const err106 = { instancePath: instancePath + "/hugepages/sizesKiB", schemaPath: "#/properties/hugepages/properties/sizesKiB/uniqueItems", keyword: "uniqueItems", params: { i: i8, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i8 + " are identical)", schema: true, parentSchema: schema11.properties.hugepages.properties.sizesKiB, data: data56 };
                  if (vErrors === null) {
                    vErrors = [err106];
                  } else {
                    vErrors.push(err106);
                  }
                  errors++;
                  break;
                }
                indices1[item1] = i8;
              }
            }
          } else {
            const err107 = { instancePath: instancePath + "/hugepages/sizesKiB", schemaPath: "#/properties/hugepages/properties/sizesKiB/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.hugepages.properties.sizesKiB.type, parentSchema: schema11.properties.hugepages.properties.sizesKiB, data: data56 };
            if (vErrors === null) {
              vErrors = [err107];
            } else {
              vErrors.push(err107);
            }
            errors++;
          }
        }
      } else {
        const err108 = { instancePath: instancePath + "/hugepages", schemaPath: "#/properties/hugepages/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.hugepages.type, parentSchema: schema11.properties.hugepages, data: data54 };
        if (vErrors === null) {
          vErrors = [err108];
        } else {
          vErrors.push(err108);
        }
        errors++;
      }
    }
    if (data.pageSizeKiB !== void 0) {
      let data58 = data.pageSizeKiB;
      if (!(typeof data58 == "number" && (!(data58 % 1) && !isNaN(data58)) && isFinite(data58))) {
        const err109 = { instancePath: instancePath + "/pageSizeKiB", schemaPath: "#/properties/pageSizeKiB/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.pageSizeKiB.type, parentSchema: schema11.properties.pageSizeKiB, data: data58 };
        if (vErrors === null) {
          vErrors = [err109];
        } else {
          vErrors.push(err109);
        }
        errors++;
      }
      if (typeof data58 == "number" && isFinite(data58)) {
        if (data58 < 1 || isNaN(data58)) {
          const err110 = { instancePath: instancePath + "/pageSizeKiB", schemaPath: "#/properties/pageSizeKiB/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.pageSizeKiB, data: data58 };
          if (vErrors === null) {
            vErrors = [err110];
          } else {
            vErrors.push(err110);
          }
          errors++;
        }
      }
    }
    if (data.vm !== void 0) {
      let data59 = data.vm;
      if (data59 && typeof data59 == "object" && !Array.isArray(data59)) {
        for (const key12 in data59) {
          if (!(key12 === "minFreeKbytes" || key12 === "watermarkScaleFactor")) {
            const err111 = { instancePath: instancePath + "/vm", schemaPath: "#/properties/vm/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.vm, data: data59 };
            if (vErrors === null) {
              vErrors = [err111];
            } else {
              vErrors.push(err111);
            }
            errors++;
          }
        }
        if (data59.minFreeKbytes !== void 0) {
          let data60 = data59.minFreeKbytes;
          if (!(typeof data60 == "number" && (!(data60 % 1) && !isNaN(data60)) && isFinite(data60))) {
            const err112 = { instancePath: instancePath + "/vm/minFreeKbytes", schemaPath: "#/properties/vm/properties/minFreeKbytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.vm.properties.minFreeKbytes.type, parentSchema: schema11.properties.vm.properties.minFreeKbytes, data: data60 };
            if (vErrors === null) {
              vErrors = [err112];
            } else {
              vErrors.push(err112);
            }
            errors++;
          }
          if (typeof data60 == "number" && isFinite(data60)) {
            if (data60 < 0 || isNaN(data60)) {
              const err113 = { instancePath: instancePath + "/vm/minFreeKbytes", schemaPath: "#/properties/vm/properties/minFreeKbytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.vm.properties.minFreeKbytes, data: data60 };
              if (vErrors === null) {
                vErrors = [err113];
              } else {
                vErrors.push(err113);
              }
              errors++;
            }
          }
        }
        if (data59.watermarkScaleFactor !== void 0) {
          let data61 = data59.watermarkScaleFactor;
          if (!(typeof data61 == "number" && (!(data61 % 1) && !isNaN(data61)) && isFinite(data61))) {
            const err114 = { instancePath: instancePath + "/vm/watermarkScaleFactor", schemaPath: "#/properties/vm/properties/watermarkScaleFactor/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.vm.properties.watermarkScaleFactor.type, parentSchema: schema11.properties.vm.properties.watermarkScaleFactor, data: data61 };
            if (vErrors === null) {
              vErrors = [err114];
            } else {
              vErrors.push(err114);
            }
            errors++;
          }
          if (typeof data61 == "number" && isFinite(data61)) {
            if (data61 > 3e3 || isNaN(data61)) {
              const err115 = { instancePath: instancePath + "/vm/watermarkScaleFactor", schemaPath: "#/properties/vm/properties/watermarkScaleFactor/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3e3 }, message: "must be <= 3000", schema: 3e3, parentSchema: schema11.properties.vm.properties.watermarkScaleFactor, data: data61 };
              if (vErrors === null) {
                vErrors = [err115];
              } else {
                vErrors.push(err115);
              }
              errors++;
            }
            if (data61 < 1 || isNaN(data61)) {
              const err116 = { instancePath: instancePath + "/vm/watermarkScaleFactor", schemaPath: "#/properties/vm/properties/watermarkScaleFactor/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.vm.properties.watermarkScaleFactor, data: data61 };
              if (vErrors === null) {
                vErrors = [err116];
              } else {
                vErrors.push(err116);
              }
              errors++;
            }
          }
        }
      } else {
        const err117 = { instancePath: instancePath + "/vm", schemaPath: "#/properties/vm/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.vm.type, parentSchema: schema11.properties.vm, data: data59 };
        if (vErrors === null) {
          vErrors = [err117];
        } else {
          vErrors.push(err117);
        }
        errors++;
      }
    }
    if (data.kernel !== void 0) {
      let data62 = data.kernel;
      if (data62 && typeof data62 == "object" && !Array.isArray(data62)) {
        for (const key13 in data62) {
          if (!(key13 === "cmdline")) {
            const err118 = { instancePath: instancePath + "/kernel", schemaPath: "#/properties/kernel/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.kernel, data: data62 };
            if (vErrors === null) {
              vErrors = [err118];
            } else {
              vErrors.push(err118);
            }
            errors++;
          }
        }
        if (data62.cmdline !== void 0) {
          let data63 = data62.cmdline;
          if (typeof data63 !== "string") {
            const err119 = { instancePath: instancePath + "/kernel/cmdline", schemaPath: "#/properties/kernel/properties/cmdline/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.kernel.properties.cmdline.type, parentSchema: schema11.properties.kernel.properties.cmdline, data: data63 };
            if (vErrors === null) {
              vErrors = [err119];
            } else {
              vErrors.push(err119);
            }
            errors++;
          }
        }
      } else {
        const err120 = { instancePath: instancePath + "/kernel", schemaPath: "#/properties/kernel/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.kernel.type, parentSchema: schema11.properties.kernel, data: data62 };
        if (vErrors === null) {
          vErrors = [err120];
        } else {
          vErrors.push(err120);
        }
        errors++;
      }
    }
    if (data.isolation !== void 0) {
      let data64 = data.isolation;
      if (data64 && typeof data64 == "object" && !Array.isArray(data64)) {
        for (const key14 in data64) {
          if (!(key14 === "isolated" || key14 === "nohzFull")) {
            const err121 = { instancePath: instancePath + "/isolation", schemaPath: "#/properties/isolation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key14 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.isolation, data: data64 };
            if (vErrors === null) {
              vErrors = [err121];
            } else {
              vErrors.push(err121);
            }
            errors++;
          }
        }
        if (data64.isolated !== void 0) {
          let data65 = data64.isolated;
          if (typeof data65 !== "string" && !(data65 && typeof data65 == "object" && !Array.isArray(data65))) {
            const err122 = { instancePath: instancePath + "/isolation/isolated", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data65 };
            if (vErrors === null) {
              vErrors = [err122];
            } else {
              vErrors.push(err122);
            }
            errors++;
          }
          if (data65 && typeof data65 == "object" && !Array.isArray(data65)) {
            if (data65.raw === void 0) {
              const err123 = { instancePath: instancePath + "/isolation/isolated", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data65 };
              if (vErrors === null) {
                vErrors = [err123];
              } else {
                vErrors.push(err123);
              }
              errors++;
            }
            for (const key15 in data65) {
              if (!(key15 === "raw" || key15 === "parsed")) {
                const err124 = { instancePath: instancePath + "/isolation/isolated", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key15 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data65 };
                if (vErrors === null) {
                  vErrors = [err124];
                } else {
                  vErrors.push(err124);
                }
                errors++;
              }
            }
            if (data65.raw !== void 0) {
              let data66 = data65.raw;
              if (typeof data66 !== "string") {
                const err125 = { instancePath: instancePath + "/isolation/isolated/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data66 };
                if (vErrors === null) {
                  vErrors = [err125];
                } else {
                  vErrors.push(err125);
                }
                errors++;
              }
            }
            if (data65.parsed !== void 0) {
              let data67 = data65.parsed;
              if (typeof data67 !== "string") {
                const err126 = { instancePath: instancePath + "/isolation/isolated/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data67 };
                if (vErrors === null) {
                  vErrors = [err126];
                } else {
                  vErrors.push(err126);
                }
                errors++;
              }
            }
          }
        }
        if (data64.nohzFull !== void 0) {
          let data68 = data64.nohzFull;
          if (typeof data68 !== "string" && !(data68 && typeof data68 == "object" && !Array.isArray(data68))) {
            const err127 = { instancePath: instancePath + "/isolation/nohzFull", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data68 };
            if (vErrors === null) {
              vErrors = [err127];
            } else {
              vErrors.push(err127);
            }
            errors++;
          }
          if (data68 && typeof data68 == "object" && !Array.isArray(data68)) {
            if (data68.raw === void 0) {
              const err128 = { instancePath: instancePath + "/isolation/nohzFull", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data68 };
              if (vErrors === null) {
                vErrors = [err128];
              } else {
                vErrors.push(err128);
              }
              errors++;
            }
            for (const key16 in data68) {
              if (!(key16 === "raw" || key16 === "parsed")) {
                const err129 = { instancePath: instancePath + "/isolation/nohzFull", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key16 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data68 };
                if (vErrors === null) {
                  vErrors = [err129];
                } else {
                  vErrors.push(err129);
                }
                errors++;
              }
            }
            if (data68.raw !== void 0) {
              let data69 = data68.raw;
              if (typeof data69 !== "string") {
                const err130 = { instancePath: instancePath + "/isolation/nohzFull/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data69 };
                if (vErrors === null) {
                  vErrors = [err130];
                } else {
                  vErrors.push(err130);
                }
                errors++;
              }
            }
            if (data68.parsed !== void 0) {
              let data70 = data68.parsed;
              if (typeof data70 !== "string") {
                const err131 = { instancePath: instancePath + "/isolation/nohzFull/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data70 };
                if (vErrors === null) {
                  vErrors = [err131];
                } else {
                  vErrors.push(err131);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err132 = { instancePath: instancePath + "/isolation", schemaPath: "#/properties/isolation/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.isolation.type, parentSchema: schema11.properties.isolation, data: data64 };
        if (vErrors === null) {
          vErrors = [err132];
        } else {
          vErrors.push(err132);
        }
        errors++;
      }
    }
    if (data.tuned !== void 0) {
      let data71 = data.tuned;
      if (data71 && typeof data71 == "object" && !Array.isArray(data71)) {
        for (const key17 in data71) {
          if (!(key17 === "activeProfile" || key17 === "includes" || key17 === "isolatedCores" || key17 === "noBalanceCores")) {
            const err133 = { instancePath: instancePath + "/tuned", schemaPath: "#/properties/tuned/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key17 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.tuned, data: data71 };
            if (vErrors === null) {
              vErrors = [err133];
            } else {
              vErrors.push(err133);
            }
            errors++;
          }
        }
        if (data71.activeProfile !== void 0) {
          let data72 = data71.activeProfile;
          if (typeof data72 !== "string") {
            const err134 = { instancePath: instancePath + "/tuned/activeProfile", schemaPath: "#/properties/tuned/properties/activeProfile/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.tuned.properties.activeProfile.type, parentSchema: schema11.properties.tuned.properties.activeProfile, data: data72 };
            if (vErrors === null) {
              vErrors = [err134];
            } else {
              vErrors.push(err134);
            }
            errors++;
          }
        }
        if (data71.includes !== void 0) {
          let data73 = data71.includes;
          if (Array.isArray(data73)) {
            const len7 = data73.length;
            for (let i9 = 0; i9 < len7; i9++) {
              let data74 = data73[i9];
              if (typeof data74 === "string") {
                if (func3(data74) < 1) {
                  const err135 = { instancePath: instancePath + "/tuned/includes/" + i9, schemaPath: "#/properties/tuned/properties/includes/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.tuned.properties.includes.items, data: data74 };
                  if (vErrors === null) {
                    vErrors = [err135];
                  } else {
                    vErrors.push(err135);
                  }
                  errors++;
                }
              } else {
                const err136 = { instancePath: instancePath + "/tuned/includes/" + i9, schemaPath: "#/properties/tuned/properties/includes/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.tuned.properties.includes.items.type, parentSchema: schema11.properties.tuned.properties.includes.items, data: data74 };
                if (vErrors === null) {
                  vErrors = [err136];
                } else {
                  vErrors.push(err136);
                }
                errors++;
              }
            }
          } else {
            const err137 = { instancePath: instancePath + "/tuned/includes", schemaPath: "#/properties/tuned/properties/includes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.tuned.properties.includes.type, parentSchema: schema11.properties.tuned.properties.includes, data: data73 };
            if (vErrors === null) {
              vErrors = [err137];
            } else {
              vErrors.push(err137);
            }
            errors++;
          }
        }
        if (data71.isolatedCores !== void 0) {
          let data75 = data71.isolatedCores;
          if (typeof data75 !== "string" && !(data75 && typeof data75 == "object" && !Array.isArray(data75))) {
            const err138 = { instancePath: instancePath + "/tuned/isolatedCores", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data75 };
            if (vErrors === null) {
              vErrors = [err138];
            } else {
              vErrors.push(err138);
            }
            errors++;
          }
          if (data75 && typeof data75 == "object" && !Array.isArray(data75)) {
            if (data75.raw === void 0) {
              const err139 = { instancePath: instancePath + "/tuned/isolatedCores", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data75 };
              if (vErrors === null) {
                vErrors = [err139];
              } else {
                vErrors.push(err139);
              }
              errors++;
            }
            for (const key18 in data75) {
              if (!(key18 === "raw" || key18 === "parsed")) {
                const err140 = { instancePath: instancePath + "/tuned/isolatedCores", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key18 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data75 };
                if (vErrors === null) {
                  vErrors = [err140];
                } else {
                  vErrors.push(err140);
                }
                errors++;
              }
            }
            if (data75.raw !== void 0) {
              let data76 = data75.raw;
              if (typeof data76 !== "string") {
                const err141 = { instancePath: instancePath + "/tuned/isolatedCores/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data76 };
                if (vErrors === null) {
                  vErrors = [err141];
                } else {
                  vErrors.push(err141);
                }
                errors++;
              }
            }
            if (data75.parsed !== void 0) {
              let data77 = data75.parsed;
              if (typeof data77 !== "string") {
                const err142 = { instancePath: instancePath + "/tuned/isolatedCores/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data77 };
                if (vErrors === null) {
                  vErrors = [err142];
                } else {
                  vErrors.push(err142);
                }
                errors++;
              }
            }
          }
        }
        if (data71.noBalanceCores !== void 0) {
          let data78 = data71.noBalanceCores;
          if (typeof data78 !== "string" && !(data78 && typeof data78 == "object" && !Array.isArray(data78))) {
            const err143 = { instancePath: instancePath + "/tuned/noBalanceCores", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data78 };
            if (vErrors === null) {
              vErrors = [err143];
            } else {
              vErrors.push(err143);
            }
            errors++;
          }
          if (data78 && typeof data78 == "object" && !Array.isArray(data78)) {
            if (data78.raw === void 0) {
              const err144 = { instancePath: instancePath + "/tuned/noBalanceCores", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data78 };
              if (vErrors === null) {
                vErrors = [err144];
              } else {
                vErrors.push(err144);
              }
              errors++;
            }
            for (const key19 in data78) {
              if (!(key19 === "raw" || key19 === "parsed")) {
                const err145 = { instancePath: instancePath + "/tuned/noBalanceCores", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key19 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data78 };
                if (vErrors === null) {
                  vErrors = [err145];
                } else {
                  vErrors.push(err145);
                }
                errors++;
              }
            }
            if (data78.raw !== void 0) {
              let data79 = data78.raw;
              if (typeof data79 !== "string") {
                const err146 = { instancePath: instancePath + "/tuned/noBalanceCores/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data79 };
                if (vErrors === null) {
                  vErrors = [err146];
                } else {
                  vErrors.push(err146);
                }
                errors++;
              }
            }
            if (data78.parsed !== void 0) {
              let data80 = data78.parsed;
              if (typeof data80 !== "string") {
                const err147 = { instancePath: instancePath + "/tuned/noBalanceCores/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data80 };
                if (vErrors === null) {
                  vErrors = [err147];
                } else {
                  vErrors.push(err147);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err148 = { instancePath: instancePath + "/tuned", schemaPath: "#/properties/tuned/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.tuned.type, parentSchema: schema11.properties.tuned, data: data71 };
        if (vErrors === null) {
          vErrors = [err148];
        } else {
          vErrors.push(err148);
        }
        errors++;
      }
    }
    if (data.running !== void 0) {
      let data81 = data.running;
      if (data81 && typeof data81 == "object" && !Array.isArray(data81)) {
        for (const key20 in data81) {
          if (!(key20 === "guests" || key20 === "isolatedCpus" || key20 === "foreignTasks" || key20 === "irqs")) {
            const err149 = { instancePath: instancePath + "/running", schemaPath: "#/properties/running/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key20 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.running, data: data81 };
            if (vErrors === null) {
              vErrors = [err149];
            } else {
              vErrors.push(err149);
            }
            errors++;
          }
        }
        if (data81.guests !== void 0) {
          let data82 = data81.guests;
          if (Array.isArray(data82)) {
            const len8 = data82.length;
            for (let i10 = 0; i10 < len8; i10++) {
              let data83 = data82[i10];
              if (data83 && typeof data83 == "object" && !Array.isArray(data83)) {
                if (data83.name === void 0) {
                  const err150 = { instancePath: instancePath + "/running/guests/" + i10, schemaPath: "#/properties/running/properties/guests/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema11.properties.running.properties.guests.items.required, parentSchema: schema11.properties.running.properties.guests.items, data: data83 };
                  if (vErrors === null) {
                    vErrors = [err150];
                  } else {
                    vErrors.push(err150);
                  }
                  errors++;
                }
                if (data83.pid === void 0) {
                  const err151 = { instancePath: instancePath + "/running/guests/" + i10, schemaPath: "#/properties/running/properties/guests/items/required", keyword: "required", params: { missingProperty: "pid" }, message: "must have required property 'pid'", schema: schema11.properties.running.properties.guests.items.required, parentSchema: schema11.properties.running.properties.guests.items, data: data83 };
                  if (vErrors === null) {
                    vErrors = [err151];
                  } else {
                    vErrors.push(err151);
                  }
                  errors++;
                }
                if (data83.threads === void 0) {
                  const err152 = { instancePath: instancePath + "/running/guests/" + i10, schemaPath: "#/properties/running/properties/guests/items/required", keyword: "required", params: { missingProperty: "threads" }, message: "must have required property 'threads'", schema: schema11.properties.running.properties.guests.items.required, parentSchema: schema11.properties.running.properties.guests.items, data: data83 };
                  if (vErrors === null) {
                    vErrors = [err152];
                  } else {
                    vErrors.push(err152);
                  }
                  errors++;
                }
                for (const key21 in data83) {
                  if (!(key21 === "name" || key21 === "uuid" || key21 === "pid" || key21 === "rolesFrom" || key21 === "threads" || key21 === "memory")) {
                    const err153 = { instancePath: instancePath + "/running/guests/" + i10, schemaPath: "#/properties/running/properties/guests/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key21 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.running.properties.guests.items, data: data83 };
                    if (vErrors === null) {
                      vErrors = [err153];
                    } else {
                      vErrors.push(err153);
                    }
                    errors++;
                  }
                }
                if (data83.name !== void 0) {
                  let data84 = data83.name;
                  if (typeof data84 !== "string") {
                    const err154 = { instancePath: instancePath + "/running/guests/" + i10 + "/name", schemaPath: "#/properties/running/properties/guests/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.running.properties.guests.items.properties.name.type, parentSchema: schema11.properties.running.properties.guests.items.properties.name, data: data84 };
                    if (vErrors === null) {
                      vErrors = [err154];
                    } else {
                      vErrors.push(err154);
                    }
                    errors++;
                  }
                }
                if (data83.uuid !== void 0) {
                  let data85 = data83.uuid;
                  if (typeof data85 !== "string") {
                    const err155 = { instancePath: instancePath + "/running/guests/" + i10 + "/uuid", schemaPath: "#/properties/running/properties/guests/items/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.running.properties.guests.items.properties.uuid.type, parentSchema: schema11.properties.running.properties.guests.items.properties.uuid, data: data85 };
                    if (vErrors === null) {
                      vErrors = [err155];
                    } else {
                      vErrors.push(err155);
                    }
                    errors++;
                  }
                }
                if (data83.pid !== void 0) {
                  let data86 = data83.pid;
                  if (!(typeof data86 == "number" && (!(data86 % 1) && !isNaN(data86)) && isFinite(data86))) {
                    const err156 = { instancePath: instancePath + "/running/guests/" + i10 + "/pid", schemaPath: "#/properties/running/properties/guests/items/properties/pid/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.guests.items.properties.pid.type, parentSchema: schema11.properties.running.properties.guests.items.properties.pid, data: data86 };
                    if (vErrors === null) {
                      vErrors = [err156];
                    } else {
                      vErrors.push(err156);
                    }
                    errors++;
                  }
                  if (typeof data86 == "number" && isFinite(data86)) {
                    if (data86 < 0 || isNaN(data86)) {
                      const err157 = { instancePath: instancePath + "/running/guests/" + i10 + "/pid", schemaPath: "#/properties/running/properties/guests/items/properties/pid/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.guests.items.properties.pid, data: data86 };
                      if (vErrors === null) {
                        vErrors = [err157];
                      } else {
                        vErrors.push(err157);
                      }
                      errors++;
                    }
                  }
                }
                if (data83.rolesFrom !== void 0) {
                  let data87 = data83.rolesFrom;
                  if (!(data87 === "status-xml" || data87 === "thread-names")) {
                    const err158 = { instancePath: instancePath + "/running/guests/" + i10 + "/rolesFrom", schemaPath: "#/properties/running/properties/guests/items/properties/rolesFrom/enum", keyword: "enum", params: { allowedValues: schema11.properties.running.properties.guests.items.properties.rolesFrom.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.running.properties.guests.items.properties.rolesFrom.enum, parentSchema: schema11.properties.running.properties.guests.items.properties.rolesFrom, data: data87 };
                    if (vErrors === null) {
                      vErrors = [err158];
                    } else {
                      vErrors.push(err158);
                    }
                    errors++;
                  }
                }
                if (data83.threads !== void 0) {
                  let data88 = data83.threads;
                  if (Array.isArray(data88)) {
                    const len9 = data88.length;
                    for (let i11 = 0; i11 < len9; i11++) {
                      let data89 = data88[i11];
                      if (data89 && typeof data89 == "object" && !Array.isArray(data89)) {
                        if (data89.tid === void 0) {
                          const err159 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11, schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/required", keyword: "required", params: { missingProperty: "tid" }, message: "must have required property 'tid'", schema: schema11.properties.running.properties.guests.items.properties.threads.items.required, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items, data: data89 };
                          if (vErrors === null) {
                            vErrors = [err159];
                          } else {
                            vErrors.push(err159);
                          }
                          errors++;
                        }
                        if (data89.role === void 0) {
                          const err160 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11, schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/required", keyword: "required", params: { missingProperty: "role" }, message: "must have required property 'role'", schema: schema11.properties.running.properties.guests.items.properties.threads.items.required, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items, data: data89 };
                          if (vErrors === null) {
                            vErrors = [err160];
                          } else {
                            vErrors.push(err160);
                          }
                          errors++;
                        }
                        if (data89.allowedCpus === void 0) {
                          const err161 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11, schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/required", keyword: "required", params: { missingProperty: "allowedCpus" }, message: "must have required property 'allowedCpus'", schema: schema11.properties.running.properties.guests.items.properties.threads.items.required, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items, data: data89 };
                          if (vErrors === null) {
                            vErrors = [err161];
                          } else {
                            vErrors.push(err161);
                          }
                          errors++;
                        }
                        for (const key22 in data89) {
                          if (!(key22 === "tid" || key22 === "role" || key22 === "id" || key22 === "name" || key22 === "allowedCpus" || key22 === "lastCpu" || key22 === "policy" || key22 === "priority")) {
                            const err162 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11, schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key22 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items, data: data89 };
                            if (vErrors === null) {
                              vErrors = [err162];
                            } else {
                              vErrors.push(err162);
                            }
                            errors++;
                          }
                        }
                        if (data89.tid !== void 0) {
                          let data90 = data89.tid;
                          if (!(typeof data90 == "number" && (!(data90 % 1) && !isNaN(data90)) && isFinite(data90))) {
                            const err163 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/tid", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/tid/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.tid.type, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.tid, data: data90 };
                            if (vErrors === null) {
                              vErrors = [err163];
                            } else {
                              vErrors.push(err163);
                            }
                            errors++;
                          }
                          if (typeof data90 == "number" && isFinite(data90)) {
                            if (data90 < 0 || isNaN(data90)) {
                              const err164 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/tid", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/tid/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.tid, data: data90 };
                              if (vErrors === null) {
                                vErrors = [err164];
                              } else {
                                vErrors.push(err164);
                              }
                              errors++;
                            }
                          }
                        }
                        if (data89.role !== void 0) {
                          let data91 = data89.role;
                          if (!(data91 === "vcpu" || data91 === "iothread" || data91 === "main" || data91 === "worker")) {
                            const err165 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/role", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/role/enum", keyword: "enum", params: { allowedValues: schema11.properties.running.properties.guests.items.properties.threads.items.properties.role.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.role.enum, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.role, data: data91 };
                            if (vErrors === null) {
                              vErrors = [err165];
                            } else {
                              vErrors.push(err165);
                            }
                            errors++;
                          }
                        }
                        if (data89.id !== void 0) {
                          let data92 = data89.id;
                          if (!(typeof data92 == "number" && (!(data92 % 1) && !isNaN(data92)) && isFinite(data92))) {
                            const err166 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/id", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/id/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.id.type, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.id, data: data92 };
                            if (vErrors === null) {
                              vErrors = [err166];
                            } else {
                              vErrors.push(err166);
                            }
                            errors++;
                          }
                          if (typeof data92 == "number" && isFinite(data92)) {
                            if (data92 < 0 || isNaN(data92)) {
                              const err167 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/id", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/id/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.id, data: data92 };
                              if (vErrors === null) {
                                vErrors = [err167];
                              } else {
                                vErrors.push(err167);
                              }
                              errors++;
                            }
                          }
                        }
                        if (data89.name !== void 0) {
                          let data93 = data89.name;
                          if (typeof data93 !== "string") {
                            const err168 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/name", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.name.type, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.name, data: data93 };
                            if (vErrors === null) {
                              vErrors = [err168];
                            } else {
                              vErrors.push(err168);
                            }
                            errors++;
                          }
                        }
                        if (data89.allowedCpus !== void 0) {
                          let data94 = data89.allowedCpus;
                          if (typeof data94 !== "string" && !(data94 && typeof data94 == "object" && !Array.isArray(data94))) {
                            const err169 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/allowedCpus", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data94 };
                            if (vErrors === null) {
                              vErrors = [err169];
                            } else {
                              vErrors.push(err169);
                            }
                            errors++;
                          }
                          if (data94 && typeof data94 == "object" && !Array.isArray(data94)) {
                            if (data94.raw === void 0) {
                              const err170 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/allowedCpus", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data94 };
                              if (vErrors === null) {
                                vErrors = [err170];
                              } else {
                                vErrors.push(err170);
                              }
                              errors++;
                            }
                            for (const key23 in data94) {
                              if (!(key23 === "raw" || key23 === "parsed")) {
                                const err171 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/allowedCpus", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key23 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data94 };
                                if (vErrors === null) {
                                  vErrors = [err171];
                                } else {
                                  vErrors.push(err171);
                                }
                                errors++;
                              }
                            }
                            if (data94.raw !== void 0) {
                              let data95 = data94.raw;
                              if (typeof data95 !== "string") {
                                const err172 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/allowedCpus/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data95 };
                                if (vErrors === null) {
                                  vErrors = [err172];
                                } else {
                                  vErrors.push(err172);
                                }
                                errors++;
                              }
                            }
                            if (data94.parsed !== void 0) {
                              let data96 = data94.parsed;
                              if (typeof data96 !== "string") {
                                const err173 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/allowedCpus/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data96 };
                                if (vErrors === null) {
                                  vErrors = [err173];
                                } else {
                                  vErrors.push(err173);
                                }
                                errors++;
                              }
                            }
                          }
                        }
                        if (data89.lastCpu !== void 0) {
                          let data97 = data89.lastCpu;
                          if (!(typeof data97 == "number" && (!(data97 % 1) && !isNaN(data97)) && isFinite(data97))) {
                            const err174 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/lastCpu", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/lastCpu/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.lastCpu.type, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.lastCpu, data: data97 };
                            if (vErrors === null) {
                              vErrors = [err174];
                            } else {
                              vErrors.push(err174);
                            }
                            errors++;
                          }
                          if (typeof data97 == "number" && isFinite(data97)) {
                            if (data97 < 0 || isNaN(data97)) {
                              const err175 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/lastCpu", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/lastCpu/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.lastCpu, data: data97 };
                              if (vErrors === null) {
                                vErrors = [err175];
                              } else {
                                vErrors.push(err175);
                              }
                              errors++;
                            }
                          }
                        }
                        if (data89.policy !== void 0) {
                          let data98 = data89.policy;
                          if (!(data98 === "other" || data98 === "fifo" || data98 === "rr" || data98 === "batch" || data98 === "idle" || data98 === "deadline")) {
                            const err176 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/policy", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/policy/enum", keyword: "enum", params: { allowedValues: schema11.properties.running.properties.guests.items.properties.threads.items.properties.policy.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.policy.enum, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.policy, data: data98 };
                            if (vErrors === null) {
                              vErrors = [err176];
                            } else {
                              vErrors.push(err176);
                            }
                            errors++;
                          }
                        }
                        if (data89.priority !== void 0) {
                          let data99 = data89.priority;
                          if (!(typeof data99 == "number" && (!(data99 % 1) && !isNaN(data99)) && isFinite(data99))) {
                            const err177 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/priority", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/priority/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.priority.type, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.priority, data: data99 };
                            if (vErrors === null) {
                              vErrors = [err177];
                            } else {
                              vErrors.push(err177);
                            }
                            errors++;
                          }
                          if (typeof data99 == "number" && isFinite(data99)) {
                            if (data99 > 99 || isNaN(data99)) {
                              const err178 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/priority", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/priority/maximum", keyword: "maximum", params: { comparison: "<=", limit: 99 }, message: "must be <= 99", schema: 99, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.priority, data: data99 };
                              if (vErrors === null) {
                                vErrors = [err178];
                              } else {
                                vErrors.push(err178);
                              }
                              errors++;
                            }
                            if (data99 < 0 || isNaN(data99)) {
                              const err179 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11 + "/priority", schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/properties/priority/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items.properties.priority, data: data99 };
                              if (vErrors === null) {
                                vErrors = [err179];
                              } else {
                                vErrors.push(err179);
                              }
                              errors++;
                            }
                          }
                        }
                      } else {
                        const err180 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads/" + i11, schemaPath: "#/properties/running/properties/guests/items/properties/threads/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.running.properties.guests.items.properties.threads.items.type, parentSchema: schema11.properties.running.properties.guests.items.properties.threads.items, data: data89 };
                        if (vErrors === null) {
                          vErrors = [err180];
                        } else {
                          vErrors.push(err180);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err181 = { instancePath: instancePath + "/running/guests/" + i10 + "/threads", schemaPath: "#/properties/running/properties/guests/items/properties/threads/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.running.properties.guests.items.properties.threads.type, parentSchema: schema11.properties.running.properties.guests.items.properties.threads, data: data88 };
                    if (vErrors === null) {
                      vErrors = [err181];
                    } else {
                      vErrors.push(err181);
                    }
                    errors++;
                  }
                }
                if (data83.memory !== void 0) {
                  let data100 = data83.memory;
                  if (Array.isArray(data100)) {
                    const len10 = data100.length;
                    for (let i12 = 0; i12 < len10; i12++) {
                      let data101 = data100[i12];
                      if (data101 && typeof data101 == "object" && !Array.isArray(data101)) {
                        if (data101.node === void 0) {
                          const err182 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12, schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/required", keyword: "required", params: { missingProperty: "node" }, message: "must have required property 'node'", schema: schema11.properties.running.properties.guests.items.properties.memory.items.required, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items, data: data101 };
                          if (vErrors === null) {
                            vErrors = [err182];
                          } else {
                            vErrors.push(err182);
                          }
                          errors++;
                        }
                        if (data101.pageSizeKiB === void 0) {
                          const err183 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12, schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/required", keyword: "required", params: { missingProperty: "pageSizeKiB" }, message: "must have required property 'pageSizeKiB'", schema: schema11.properties.running.properties.guests.items.properties.memory.items.required, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items, data: data101 };
                          if (vErrors === null) {
                            vErrors = [err183];
                          } else {
                            vErrors.push(err183);
                          }
                          errors++;
                        }
                        if (data101.kib === void 0) {
                          const err184 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12, schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/required", keyword: "required", params: { missingProperty: "kib" }, message: "must have required property 'kib'", schema: schema11.properties.running.properties.guests.items.properties.memory.items.required, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items, data: data101 };
                          if (vErrors === null) {
                            vErrors = [err184];
                          } else {
                            vErrors.push(err184);
                          }
                          errors++;
                        }
                        for (const key24 in data101) {
                          if (!(key24 === "node" || key24 === "pageSizeKiB" || key24 === "kib")) {
                            const err185 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12, schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key24 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items, data: data101 };
                            if (vErrors === null) {
                              vErrors = [err185];
                            } else {
                              vErrors.push(err185);
                            }
                            errors++;
                          }
                        }
                        if (data101.node !== void 0) {
                          let data102 = data101.node;
                          if (!(typeof data102 == "number" && (!(data102 % 1) && !isNaN(data102)) && isFinite(data102))) {
                            const err186 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12 + "/node", schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/properties/node/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.guests.items.properties.memory.items.properties.node.type, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items.properties.node, data: data102 };
                            if (vErrors === null) {
                              vErrors = [err186];
                            } else {
                              vErrors.push(err186);
                            }
                            errors++;
                          }
                          if (typeof data102 == "number" && isFinite(data102)) {
                            if (data102 < 0 || isNaN(data102)) {
                              const err187 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12 + "/node", schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/properties/node/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items.properties.node, data: data102 };
                              if (vErrors === null) {
                                vErrors = [err187];
                              } else {
                                vErrors.push(err187);
                              }
                              errors++;
                            }
                          }
                        }
                        if (data101.pageSizeKiB !== void 0) {
                          let data103 = data101.pageSizeKiB;
                          if (!(typeof data103 == "number" && (!(data103 % 1) && !isNaN(data103)) && isFinite(data103))) {
                            const err188 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12 + "/pageSizeKiB", schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/properties/pageSizeKiB/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.guests.items.properties.memory.items.properties.pageSizeKiB.type, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items.properties.pageSizeKiB, data: data103 };
                            if (vErrors === null) {
                              vErrors = [err188];
                            } else {
                              vErrors.push(err188);
                            }
                            errors++;
                          }
                          if (typeof data103 == "number" && isFinite(data103)) {
                            if (data103 < 1 || isNaN(data103)) {
                              const err189 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12 + "/pageSizeKiB", schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/properties/pageSizeKiB/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items.properties.pageSizeKiB, data: data103 };
                              if (vErrors === null) {
                                vErrors = [err189];
                              } else {
                                vErrors.push(err189);
                              }
                              errors++;
                            }
                          }
                        }
                        if (data101.kib !== void 0) {
                          let data104 = data101.kib;
                          if (!(typeof data104 == "number" && (!(data104 % 1) && !isNaN(data104)) && isFinite(data104))) {
                            const err190 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12 + "/kib", schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/properties/kib/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.guests.items.properties.memory.items.properties.kib.type, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items.properties.kib, data: data104 };
                            if (vErrors === null) {
                              vErrors = [err190];
                            } else {
                              vErrors.push(err190);
                            }
                            errors++;
                          }
                          if (typeof data104 == "number" && isFinite(data104)) {
                            if (data104 < 0 || isNaN(data104)) {
                              const err191 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12 + "/kib", schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/properties/kib/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items.properties.kib, data: data104 };
                              if (vErrors === null) {
                                vErrors = [err191];
                              } else {
                                vErrors.push(err191);
                              }
                              errors++;
                            }
                          }
                        }
                      } else {
                        const err192 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory/" + i12, schemaPath: "#/properties/running/properties/guests/items/properties/memory/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.running.properties.guests.items.properties.memory.items.type, parentSchema: schema11.properties.running.properties.guests.items.properties.memory.items, data: data101 };
                        if (vErrors === null) {
                          vErrors = [err192];
                        } else {
                          vErrors.push(err192);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err193 = { instancePath: instancePath + "/running/guests/" + i10 + "/memory", schemaPath: "#/properties/running/properties/guests/items/properties/memory/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.running.properties.guests.items.properties.memory.type, parentSchema: schema11.properties.running.properties.guests.items.properties.memory, data: data100 };
                    if (vErrors === null) {
                      vErrors = [err193];
                    } else {
                      vErrors.push(err193);
                    }
                    errors++;
                  }
                }
              } else {
                const err194 = { instancePath: instancePath + "/running/guests/" + i10, schemaPath: "#/properties/running/properties/guests/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.running.properties.guests.items.type, parentSchema: schema11.properties.running.properties.guests.items, data: data83 };
                if (vErrors === null) {
                  vErrors = [err194];
                } else {
                  vErrors.push(err194);
                }
                errors++;
              }
            }
          } else {
            const err195 = { instancePath: instancePath + "/running/guests", schemaPath: "#/properties/running/properties/guests/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.running.properties.guests.type, parentSchema: schema11.properties.running.properties.guests, data: data82 };
            if (vErrors === null) {
              vErrors = [err195];
            } else {
              vErrors.push(err195);
            }
            errors++;
          }
        }
        if (data81.isolatedCpus !== void 0) {
          let data105 = data81.isolatedCpus;
          if (typeof data105 !== "string" && !(data105 && typeof data105 == "object" && !Array.isArray(data105))) {
            const err196 = { instancePath: instancePath + "/running/isolatedCpus", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data105 };
            if (vErrors === null) {
              vErrors = [err196];
            } else {
              vErrors.push(err196);
            }
            errors++;
          }
          if (data105 && typeof data105 == "object" && !Array.isArray(data105)) {
            if (data105.raw === void 0) {
              const err197 = { instancePath: instancePath + "/running/isolatedCpus", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data105 };
              if (vErrors === null) {
                vErrors = [err197];
              } else {
                vErrors.push(err197);
              }
              errors++;
            }
            for (const key25 in data105) {
              if (!(key25 === "raw" || key25 === "parsed")) {
                const err198 = { instancePath: instancePath + "/running/isolatedCpus", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key25 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data105 };
                if (vErrors === null) {
                  vErrors = [err198];
                } else {
                  vErrors.push(err198);
                }
                errors++;
              }
            }
            if (data105.raw !== void 0) {
              let data106 = data105.raw;
              if (typeof data106 !== "string") {
                const err199 = { instancePath: instancePath + "/running/isolatedCpus/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data106 };
                if (vErrors === null) {
                  vErrors = [err199];
                } else {
                  vErrors.push(err199);
                }
                errors++;
              }
            }
            if (data105.parsed !== void 0) {
              let data107 = data105.parsed;
              if (typeof data107 !== "string") {
                const err200 = { instancePath: instancePath + "/running/isolatedCpus/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data107 };
                if (vErrors === null) {
                  vErrors = [err200];
                } else {
                  vErrors.push(err200);
                }
                errors++;
              }
            }
          }
        }
        if (data81.foreignTasks !== void 0) {
          let data108 = data81.foreignTasks;
          if (Array.isArray(data108)) {
            const len11 = data108.length;
            for (let i13 = 0; i13 < len11; i13++) {
              let data109 = data108[i13];
              if (data109 && typeof data109 == "object" && !Array.isArray(data109)) {
                if (data109.pid === void 0) {
                  const err201 = { instancePath: instancePath + "/running/foreignTasks/" + i13, schemaPath: "#/properties/running/properties/foreignTasks/items/required", keyword: "required", params: { missingProperty: "pid" }, message: "must have required property 'pid'", schema: schema11.properties.running.properties.foreignTasks.items.required, parentSchema: schema11.properties.running.properties.foreignTasks.items, data: data109 };
                  if (vErrors === null) {
                    vErrors = [err201];
                  } else {
                    vErrors.push(err201);
                  }
                  errors++;
                }
                if (data109.tid === void 0) {
                  const err202 = { instancePath: instancePath + "/running/foreignTasks/" + i13, schemaPath: "#/properties/running/properties/foreignTasks/items/required", keyword: "required", params: { missingProperty: "tid" }, message: "must have required property 'tid'", schema: schema11.properties.running.properties.foreignTasks.items.required, parentSchema: schema11.properties.running.properties.foreignTasks.items, data: data109 };
                  if (vErrors === null) {
                    vErrors = [err202];
                  } else {
                    vErrors.push(err202);
                  }
                  errors++;
                }
                if (data109.name === void 0) {
                  const err203 = { instancePath: instancePath + "/running/foreignTasks/" + i13, schemaPath: "#/properties/running/properties/foreignTasks/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema11.properties.running.properties.foreignTasks.items.required, parentSchema: schema11.properties.running.properties.foreignTasks.items, data: data109 };
                  if (vErrors === null) {
                    vErrors = [err203];
                  } else {
                    vErrors.push(err203);
                  }
                  errors++;
                }
                if (data109.allowedCpus === void 0) {
                  const err204 = { instancePath: instancePath + "/running/foreignTasks/" + i13, schemaPath: "#/properties/running/properties/foreignTasks/items/required", keyword: "required", params: { missingProperty: "allowedCpus" }, message: "must have required property 'allowedCpus'", schema: schema11.properties.running.properties.foreignTasks.items.required, parentSchema: schema11.properties.running.properties.foreignTasks.items, data: data109 };
                  if (vErrors === null) {
                    vErrors = [err204];
                  } else {
                    vErrors.push(err204);
                  }
                  errors++;
                }
                for (const key26 in data109) {
                  if (!(key26 === "pid" || key26 === "tid" || key26 === "name" || key26 === "kernelThread" || key26 === "allowedCpus" || key26 === "lastCpu")) {
                    const err205 = { instancePath: instancePath + "/running/foreignTasks/" + i13, schemaPath: "#/properties/running/properties/foreignTasks/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key26 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.running.properties.foreignTasks.items, data: data109 };
                    if (vErrors === null) {
                      vErrors = [err205];
                    } else {
                      vErrors.push(err205);
                    }
                    errors++;
                  }
                }
                if (data109.pid !== void 0) {
                  let data110 = data109.pid;
                  if (!(typeof data110 == "number" && (!(data110 % 1) && !isNaN(data110)) && isFinite(data110))) {
                    const err206 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/pid", schemaPath: "#/properties/running/properties/foreignTasks/items/properties/pid/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.foreignTasks.items.properties.pid.type, parentSchema: schema11.properties.running.properties.foreignTasks.items.properties.pid, data: data110 };
                    if (vErrors === null) {
                      vErrors = [err206];
                    } else {
                      vErrors.push(err206);
                    }
                    errors++;
                  }
                  if (typeof data110 == "number" && isFinite(data110)) {
                    if (data110 < 0 || isNaN(data110)) {
                      const err207 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/pid", schemaPath: "#/properties/running/properties/foreignTasks/items/properties/pid/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.foreignTasks.items.properties.pid, data: data110 };
                      if (vErrors === null) {
                        vErrors = [err207];
                      } else {
                        vErrors.push(err207);
                      }
                      errors++;
                    }
                  }
                }
                if (data109.tid !== void 0) {
                  let data111 = data109.tid;
                  if (!(typeof data111 == "number" && (!(data111 % 1) && !isNaN(data111)) && isFinite(data111))) {
                    const err208 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/tid", schemaPath: "#/properties/running/properties/foreignTasks/items/properties/tid/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.foreignTasks.items.properties.tid.type, parentSchema: schema11.properties.running.properties.foreignTasks.items.properties.tid, data: data111 };
                    if (vErrors === null) {
                      vErrors = [err208];
                    } else {
                      vErrors.push(err208);
                    }
                    errors++;
                  }
                  if (typeof data111 == "number" && isFinite(data111)) {
                    if (data111 < 0 || isNaN(data111)) {
                      const err209 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/tid", schemaPath: "#/properties/running/properties/foreignTasks/items/properties/tid/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.foreignTasks.items.properties.tid, data: data111 };
                      if (vErrors === null) {
                        vErrors = [err209];
                      } else {
                        vErrors.push(err209);
                      }
                      errors++;
                    }
                  }
                }
                if (data109.name !== void 0) {
                  let data112 = data109.name;
                  if (typeof data112 !== "string") {
                    const err210 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/name", schemaPath: "#/properties/running/properties/foreignTasks/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.running.properties.foreignTasks.items.properties.name.type, parentSchema: schema11.properties.running.properties.foreignTasks.items.properties.name, data: data112 };
                    if (vErrors === null) {
                      vErrors = [err210];
                    } else {
                      vErrors.push(err210);
                    }
                    errors++;
                  }
                }
                if (data109.kernelThread !== void 0) {
                  let data113 = data109.kernelThread;
                  if (typeof data113 !== "boolean") {
                    const err211 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/kernelThread", schemaPath: "#/properties/running/properties/foreignTasks/items/properties/kernelThread/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.running.properties.foreignTasks.items.properties.kernelThread.type, parentSchema: schema11.properties.running.properties.foreignTasks.items.properties.kernelThread, data: data113 };
                    if (vErrors === null) {
                      vErrors = [err211];
                    } else {
                      vErrors.push(err211);
                    }
                    errors++;
                  }
                }
                if (data109.allowedCpus !== void 0) {
                  let data114 = data109.allowedCpus;
                  if (typeof data114 !== "string" && !(data114 && typeof data114 == "object" && !Array.isArray(data114))) {
                    const err212 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/allowedCpus", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data114 };
                    if (vErrors === null) {
                      vErrors = [err212];
                    } else {
                      vErrors.push(err212);
                    }
                    errors++;
                  }
                  if (data114 && typeof data114 == "object" && !Array.isArray(data114)) {
                    if (data114.raw === void 0) {
                      const err213 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/allowedCpus", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data114 };
                      if (vErrors === null) {
                        vErrors = [err213];
                      } else {
                        vErrors.push(err213);
                      }
                      errors++;
                    }
                    for (const key27 in data114) {
                      if (!(key27 === "raw" || key27 === "parsed")) {
                        const err214 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/allowedCpus", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key27 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data114 };
                        if (vErrors === null) {
                          vErrors = [err214];
                        } else {
                          vErrors.push(err214);
                        }
                        errors++;
                      }
                    }
                    if (data114.raw !== void 0) {
                      let data115 = data114.raw;
                      if (typeof data115 !== "string") {
                        const err215 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/allowedCpus/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data115 };
                        if (vErrors === null) {
                          vErrors = [err215];
                        } else {
                          vErrors.push(err215);
                        }
                        errors++;
                      }
                    }
                    if (data114.parsed !== void 0) {
                      let data116 = data114.parsed;
                      if (typeof data116 !== "string") {
                        const err216 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/allowedCpus/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data116 };
                        if (vErrors === null) {
                          vErrors = [err216];
                        } else {
                          vErrors.push(err216);
                        }
                        errors++;
                      }
                    }
                  }
                }
                if (data109.lastCpu !== void 0) {
                  let data117 = data109.lastCpu;
                  if (!(typeof data117 == "number" && (!(data117 % 1) && !isNaN(data117)) && isFinite(data117))) {
                    const err217 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/lastCpu", schemaPath: "#/properties/running/properties/foreignTasks/items/properties/lastCpu/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.foreignTasks.items.properties.lastCpu.type, parentSchema: schema11.properties.running.properties.foreignTasks.items.properties.lastCpu, data: data117 };
                    if (vErrors === null) {
                      vErrors = [err217];
                    } else {
                      vErrors.push(err217);
                    }
                    errors++;
                  }
                  if (typeof data117 == "number" && isFinite(data117)) {
                    if (data117 < 0 || isNaN(data117)) {
                      const err218 = { instancePath: instancePath + "/running/foreignTasks/" + i13 + "/lastCpu", schemaPath: "#/properties/running/properties/foreignTasks/items/properties/lastCpu/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.foreignTasks.items.properties.lastCpu, data: data117 };
                      if (vErrors === null) {
                        vErrors = [err218];
                      } else {
                        vErrors.push(err218);
                      }
                      errors++;
                    }
                  }
                }
              } else {
                const err219 = { instancePath: instancePath + "/running/foreignTasks/" + i13, schemaPath: "#/properties/running/properties/foreignTasks/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.running.properties.foreignTasks.items.type, parentSchema: schema11.properties.running.properties.foreignTasks.items, data: data109 };
                if (vErrors === null) {
                  vErrors = [err219];
                } else {
                  vErrors.push(err219);
                }
                errors++;
              }
            }
          } else {
            const err220 = { instancePath: instancePath + "/running/foreignTasks", schemaPath: "#/properties/running/properties/foreignTasks/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.running.properties.foreignTasks.type, parentSchema: schema11.properties.running.properties.foreignTasks, data: data108 };
            if (vErrors === null) {
              vErrors = [err220];
            } else {
              vErrors.push(err220);
            }
            errors++;
          }
        }
        if (data81.irqs !== void 0) {
          let data118 = data81.irqs;
          if (Array.isArray(data118)) {
            const len12 = data118.length;
            for (let i14 = 0; i14 < len12; i14++) {
              let data119 = data118[i14];
              if (data119 && typeof data119 == "object" && !Array.isArray(data119)) {
                if (data119.irq === void 0) {
                  const err221 = { instancePath: instancePath + "/running/irqs/" + i14, schemaPath: "#/properties/running/properties/irqs/items/required", keyword: "required", params: { missingProperty: "irq" }, message: "must have required property 'irq'", schema: schema11.properties.running.properties.irqs.items.required, parentSchema: schema11.properties.running.properties.irqs.items, data: data119 };
                  if (vErrors === null) {
                    vErrors = [err221];
                  } else {
                    vErrors.push(err221);
                  }
                  errors++;
                }
                if (data119.affinity === void 0) {
                  const err222 = { instancePath: instancePath + "/running/irqs/" + i14, schemaPath: "#/properties/running/properties/irqs/items/required", keyword: "required", params: { missingProperty: "affinity" }, message: "must have required property 'affinity'", schema: schema11.properties.running.properties.irqs.items.required, parentSchema: schema11.properties.running.properties.irqs.items, data: data119 };
                  if (vErrors === null) {
                    vErrors = [err222];
                  } else {
                    vErrors.push(err222);
                  }
                  errors++;
                }
                for (const key28 in data119) {
                  if (!(key28 === "irq" || key28 === "name" || key28 === "affinity" || key28 === "effectiveAffinity")) {
                    const err223 = { instancePath: instancePath + "/running/irqs/" + i14, schemaPath: "#/properties/running/properties/irqs/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key28 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.running.properties.irqs.items, data: data119 };
                    if (vErrors === null) {
                      vErrors = [err223];
                    } else {
                      vErrors.push(err223);
                    }
                    errors++;
                  }
                }
                if (data119.irq !== void 0) {
                  let data120 = data119.irq;
                  if (!(typeof data120 == "number" && (!(data120 % 1) && !isNaN(data120)) && isFinite(data120))) {
                    const err224 = { instancePath: instancePath + "/running/irqs/" + i14 + "/irq", schemaPath: "#/properties/running/properties/irqs/items/properties/irq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.running.properties.irqs.items.properties.irq.type, parentSchema: schema11.properties.running.properties.irqs.items.properties.irq, data: data120 };
                    if (vErrors === null) {
                      vErrors = [err224];
                    } else {
                      vErrors.push(err224);
                    }
                    errors++;
                  }
                  if (typeof data120 == "number" && isFinite(data120)) {
                    if (data120 < 0 || isNaN(data120)) {
                      const err225 = { instancePath: instancePath + "/running/irqs/" + i14 + "/irq", schemaPath: "#/properties/running/properties/irqs/items/properties/irq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.running.properties.irqs.items.properties.irq, data: data120 };
                      if (vErrors === null) {
                        vErrors = [err225];
                      } else {
                        vErrors.push(err225);
                      }
                      errors++;
                    }
                  }
                }
                if (data119.name !== void 0) {
                  let data121 = data119.name;
                  if (typeof data121 !== "string") {
                    const err226 = { instancePath: instancePath + "/running/irqs/" + i14 + "/name", schemaPath: "#/properties/running/properties/irqs/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.running.properties.irqs.items.properties.name.type, parentSchema: schema11.properties.running.properties.irqs.items.properties.name, data: data121 };
                    if (vErrors === null) {
                      vErrors = [err226];
                    } else {
                      vErrors.push(err226);
                    }
                    errors++;
                  }
                }
                if (data119.affinity !== void 0) {
                  let data122 = data119.affinity;
                  if (typeof data122 !== "string" && !(data122 && typeof data122 == "object" && !Array.isArray(data122))) {
                    const err227 = { instancePath: instancePath + "/running/irqs/" + i14 + "/affinity", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data122 };
                    if (vErrors === null) {
                      vErrors = [err227];
                    } else {
                      vErrors.push(err227);
                    }
                    errors++;
                  }
                  if (data122 && typeof data122 == "object" && !Array.isArray(data122)) {
                    if (data122.raw === void 0) {
                      const err228 = { instancePath: instancePath + "/running/irqs/" + i14 + "/affinity", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data122 };
                      if (vErrors === null) {
                        vErrors = [err228];
                      } else {
                        vErrors.push(err228);
                      }
                      errors++;
                    }
                    for (const key29 in data122) {
                      if (!(key29 === "raw" || key29 === "parsed")) {
                        const err229 = { instancePath: instancePath + "/running/irqs/" + i14 + "/affinity", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key29 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data122 };
                        if (vErrors === null) {
                          vErrors = [err229];
                        } else {
                          vErrors.push(err229);
                        }
                        errors++;
                      }
                    }
                    if (data122.raw !== void 0) {
                      let data123 = data122.raw;
                      if (typeof data123 !== "string") {
                        const err230 = { instancePath: instancePath + "/running/irqs/" + i14 + "/affinity/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data123 };
                        if (vErrors === null) {
                          vErrors = [err230];
                        } else {
                          vErrors.push(err230);
                        }
                        errors++;
                      }
                    }
                    if (data122.parsed !== void 0) {
                      let data124 = data122.parsed;
                      if (typeof data124 !== "string") {
                        const err231 = { instancePath: instancePath + "/running/irqs/" + i14 + "/affinity/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data124 };
                        if (vErrors === null) {
                          vErrors = [err231];
                        } else {
                          vErrors.push(err231);
                        }
                        errors++;
                      }
                    }
                  }
                }
                if (data119.effectiveAffinity !== void 0) {
                  let data125 = data119.effectiveAffinity;
                  if (typeof data125 !== "string" && !(data125 && typeof data125 == "object" && !Array.isArray(data125))) {
                    const err232 = { instancePath: instancePath + "/running/irqs/" + i14 + "/effectiveAffinity", schemaPath: "#/definitions/cpuList/type", keyword: "type", params: { type: schema12.type }, message: "must be string,object", schema: schema12.type, parentSchema: schema12, data: data125 };
                    if (vErrors === null) {
                      vErrors = [err232];
                    } else {
                      vErrors.push(err232);
                    }
                    errors++;
                  }
                  if (data125 && typeof data125 == "object" && !Array.isArray(data125)) {
                    if (data125.raw === void 0) {
                      const err233 = { instancePath: instancePath + "/running/irqs/" + i14 + "/effectiveAffinity", schemaPath: "#/definitions/cpuList/required", keyword: "required", params: { missingProperty: "raw" }, message: "must have required property 'raw'", schema: schema12.required, parentSchema: schema12, data: data125 };
                      if (vErrors === null) {
                        vErrors = [err233];
                      } else {
                        vErrors.push(err233);
                      }
                      errors++;
                    }
                    for (const key30 in data125) {
                      if (!(key30 === "raw" || key30 === "parsed")) {
                        const err234 = { instancePath: instancePath + "/running/irqs/" + i14 + "/effectiveAffinity", schemaPath: "#/definitions/cpuList/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key30 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data: data125 };
                        if (vErrors === null) {
                          vErrors = [err234];
                        } else {
                          vErrors.push(err234);
                        }
                        errors++;
                      }
                    }
                    if (data125.raw !== void 0) {
                      let data126 = data125.raw;
                      if (typeof data126 !== "string") {
                        const err235 = { instancePath: instancePath + "/running/irqs/" + i14 + "/effectiveAffinity/raw", schemaPath: "#/definitions/cpuList/properties/raw/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.raw.type, parentSchema: schema12.properties.raw, data: data126 };
                        if (vErrors === null) {
                          vErrors = [err235];
                        } else {
                          vErrors.push(err235);
                        }
                        errors++;
                      }
                    }
                    if (data125.parsed !== void 0) {
                      let data127 = data125.parsed;
                      if (typeof data127 !== "string") {
                        const err236 = { instancePath: instancePath + "/running/irqs/" + i14 + "/effectiveAffinity/parsed", schemaPath: "#/definitions/cpuList/properties/parsed/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.parsed.type, parentSchema: schema12.properties.parsed, data: data127 };
                        if (vErrors === null) {
                          vErrors = [err236];
                        } else {
                          vErrors.push(err236);
                        }
                        errors++;
                      }
                    }
                  }
                }
              } else {
                const err237 = { instancePath: instancePath + "/running/irqs/" + i14, schemaPath: "#/properties/running/properties/irqs/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.running.properties.irqs.items.type, parentSchema: schema11.properties.running.properties.irqs.items, data: data119 };
                if (vErrors === null) {
                  vErrors = [err237];
                } else {
                  vErrors.push(err237);
                }
                errors++;
              }
            }
          } else {
            const err238 = { instancePath: instancePath + "/running/irqs", schemaPath: "#/properties/running/properties/irqs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.running.properties.irqs.type, parentSchema: schema11.properties.running.properties.irqs, data: data118 };
            if (vErrors === null) {
              vErrors = [err238];
            } else {
              vErrors.push(err238);
            }
            errors++;
          }
        }
      } else {
        const err239 = { instancePath: instancePath + "/running", schemaPath: "#/properties/running/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.running.type, parentSchema: schema11.properties.running, data: data81 };
        if (vErrors === null) {
          vErrors = [err239];
        } else {
          vErrors.push(err239);
        }
        errors++;
      }
    }
    if (data.libvirt !== void 0) {
      let data128 = data.libvirt;
      if (data128 && typeof data128 == "object" && !Array.isArray(data128)) {
        for (const key31 in data128) {
          if (!(key31 === "definitions")) {
            const err240 = { instancePath: instancePath + "/libvirt", schemaPath: "#/properties/libvirt/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key31 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.libvirt, data: data128 };
            if (vErrors === null) {
              vErrors = [err240];
            } else {
              vErrors.push(err240);
            }
            errors++;
          }
        }
        if (data128.definitions !== void 0) {
          let data129 = data128.definitions;
          if (Array.isArray(data129)) {
            const len13 = data129.length;
            for (let i15 = 0; i15 < len13; i15++) {
              let data130 = data129[i15];
              if (data130 && typeof data130 == "object" && !Array.isArray(data130)) {
                if (data130.file === void 0) {
                  const err241 = { instancePath: instancePath + "/libvirt/definitions/" + i15, schemaPath: "#/properties/libvirt/properties/definitions/items/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property 'file'", schema: schema11.properties.libvirt.properties.definitions.items.required, parentSchema: schema11.properties.libvirt.properties.definitions.items, data: data130 };
                  if (vErrors === null) {
                    vErrors = [err241];
                  } else {
                    vErrors.push(err241);
                  }
                  errors++;
                }
                if (data130.digest === void 0) {
                  const err242 = { instancePath: instancePath + "/libvirt/definitions/" + i15, schemaPath: "#/properties/libvirt/properties/definitions/items/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'", schema: schema11.properties.libvirt.properties.definitions.items.required, parentSchema: schema11.properties.libvirt.properties.definitions.items, data: data130 };
                  if (vErrors === null) {
                    vErrors = [err242];
                  } else {
                    vErrors.push(err242);
                  }
                  errors++;
                }
                if (data130.elements === void 0) {
                  const err243 = { instancePath: instancePath + "/libvirt/definitions/" + i15, schemaPath: "#/properties/libvirt/properties/definitions/items/required", keyword: "required", params: { missingProperty: "elements" }, message: "must have required property 'elements'", schema: schema11.properties.libvirt.properties.definitions.items.required, parentSchema: schema11.properties.libvirt.properties.definitions.items, data: data130 };
                  if (vErrors === null) {
                    vErrors = [err243];
                  } else {
                    vErrors.push(err243);
                  }
                  errors++;
                }
                for (const key32 in data130) {
                  if (!(key32 === "file" || key32 === "name" || key32 === "uuid" || key32 === "digest" || key32 === "elements")) {
                    const err244 = { instancePath: instancePath + "/libvirt/definitions/" + i15, schemaPath: "#/properties/libvirt/properties/definitions/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key32 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.libvirt.properties.definitions.items, data: data130 };
                    if (vErrors === null) {
                      vErrors = [err244];
                    } else {
                      vErrors.push(err244);
                    }
                    errors++;
                  }
                }
                if (data130.file !== void 0) {
                  let data131 = data130.file;
                  if (typeof data131 !== "string") {
                    const err245 = { instancePath: instancePath + "/libvirt/definitions/" + i15 + "/file", schemaPath: "#/properties/libvirt/properties/definitions/items/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.libvirt.properties.definitions.items.properties.file.type, parentSchema: schema11.properties.libvirt.properties.definitions.items.properties.file, data: data131 };
                    if (vErrors === null) {
                      vErrors = [err245];
                    } else {
                      vErrors.push(err245);
                    }
                    errors++;
                  }
                }
                if (data130.name !== void 0) {
                  let data132 = data130.name;
                  if (typeof data132 !== "string") {
                    const err246 = { instancePath: instancePath + "/libvirt/definitions/" + i15 + "/name", schemaPath: "#/properties/libvirt/properties/definitions/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.libvirt.properties.definitions.items.properties.name.type, parentSchema: schema11.properties.libvirt.properties.definitions.items.properties.name, data: data132 };
                    if (vErrors === null) {
                      vErrors = [err246];
                    } else {
                      vErrors.push(err246);
                    }
                    errors++;
                  }
                }
                if (data130.uuid !== void 0) {
                  let data133 = data130.uuid;
                  if (typeof data133 !== "string") {
                    const err247 = { instancePath: instancePath + "/libvirt/definitions/" + i15 + "/uuid", schemaPath: "#/properties/libvirt/properties/definitions/items/properties/uuid/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.libvirt.properties.definitions.items.properties.uuid.type, parentSchema: schema11.properties.libvirt.properties.definitions.items.properties.uuid, data: data133 };
                    if (vErrors === null) {
                      vErrors = [err247];
                    } else {
                      vErrors.push(err247);
                    }
                    errors++;
                  }
                }
                if (data130.digest !== void 0) {
                  let data134 = data130.digest;
                  if (typeof data134 === "string") {
                    if (!pattern1.test(data134)) {
                      const err248 = { instancePath: instancePath + "/libvirt/definitions/" + i15 + "/digest", schemaPath: "#/properties/libvirt/properties/definitions/items/properties/digest/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema11.properties.libvirt.properties.definitions.items.properties.digest, data: data134 };
                      if (vErrors === null) {
                        vErrors = [err248];
                      } else {
                        vErrors.push(err248);
                      }
                      errors++;
                    }
                  } else {
                    const err249 = { instancePath: instancePath + "/libvirt/definitions/" + i15 + "/digest", schemaPath: "#/properties/libvirt/properties/definitions/items/properties/digest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.libvirt.properties.definitions.items.properties.digest.type, parentSchema: schema11.properties.libvirt.properties.definitions.items.properties.digest, data: data134 };
                    if (vErrors === null) {
                      vErrors = [err249];
                    } else {
                      vErrors.push(err249);
                    }
                    errors++;
                  }
                }
                if (data130.elements !== void 0) {
                  let data135 = data130.elements;
                  if (data135 && typeof data135 == "object" && !Array.isArray(data135)) {
                    for (const key33 in data135) {
                      const _errs315 = errors;
                      if (!(key33 === "vcpu" || key33 === "cputune" || key33 === "numatune" || key33 === "memoryBacking" || key33 === "cpu" || key33 === "memory")) {
                        const err250 = { instancePath: instancePath + "/libvirt/definitions/" + i15 + "/elements", schemaPath: "#/properties/libvirt/properties/definitions/items/properties/elements/propertyNames/enum", keyword: "enum", params: { allowedValues: schema11.properties.libvirt.properties.definitions.items.properties.elements.propertyNames.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.libvirt.properties.definitions.items.properties.elements.propertyNames.enum, parentSchema: schema11.properties.libvirt.properties.definitions.items.properties.elements.propertyNames, data: key33, propertyName: key33 };
                        if (vErrors === null) {
                          vErrors = [err250];
                        } else {
                          vErrors.push(err250);
                        }
                        errors++;
                      }
                      var valid77 = _errs315 === errors;
                      if (!valid77) {
                        const err251 = { instancePath: instancePath + "/libvirt/definitions/" + i15 + "/elements", schemaPath: "#/properties/libvirt/properties/definitions/items/properties/elements/propertyNames", keyword: "propertyNames", params: { propertyName: key33 }, message: "property name must be valid", schema: schema11.properties.libvirt.properties.definitions.items.properties.elements.propertyNames, parentSchema: schema11.properties.libvirt.properties.definitions.items.properties.elements, data: data135 };
                        if (vErrors === null) {
                          vErrors = [err251];
                        } else {
                          vErrors.push(err251);
                        }
                        errors++;
                      }
                    }
                    for (const key34 in data135) {
                      let data136 = data135[key34];
                      if (typeof data136 !== "string") {
                        const err252 = { instancePath: instancePath + "/libvirt/definitions/" + i15 + "/elements/" + key34.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/libvirt/properties/definitions/items/properties/elements/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.libvirt.properties.definitions.items.properties.elements.additionalProperties.type, parentSchema: schema11.properties.libvirt.properties.definitions.items.properties.elements.additionalProperties, data: data136 };
                        if (vErrors === null) {
                          vErrors = [err252];
                        } else {
                          vErrors.push(err252);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err253 = { instancePath: instancePath + "/libvirt/definitions/" + i15 + "/elements", schemaPath: "#/properties/libvirt/properties/definitions/items/properties/elements/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.libvirt.properties.definitions.items.properties.elements.type, parentSchema: schema11.properties.libvirt.properties.definitions.items.properties.elements, data: data135 };
                    if (vErrors === null) {
                      vErrors = [err253];
                    } else {
                      vErrors.push(err253);
                    }
                    errors++;
                  }
                }
              } else {
                const err254 = { instancePath: instancePath + "/libvirt/definitions/" + i15, schemaPath: "#/properties/libvirt/properties/definitions/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.libvirt.properties.definitions.items.type, parentSchema: schema11.properties.libvirt.properties.definitions.items, data: data130 };
                if (vErrors === null) {
                  vErrors = [err254];
                } else {
                  vErrors.push(err254);
                }
                errors++;
              }
            }
          } else {
            const err255 = { instancePath: instancePath + "/libvirt/definitions", schemaPath: "#/properties/libvirt/properties/definitions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.libvirt.properties.definitions.type, parentSchema: schema11.properties.libvirt.properties.definitions, data: data129 };
            if (vErrors === null) {
              vErrors = [err255];
            } else {
              vErrors.push(err255);
            }
            errors++;
          }
        }
      } else {
        const err256 = { instancePath: instancePath + "/libvirt", schemaPath: "#/properties/libvirt/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.libvirt.type, parentSchema: schema11.properties.libvirt, data: data128 };
        if (vErrors === null) {
          vErrors = [err256];
        } else {
          vErrors.push(err256);
        }
        errors++;
      }
    }
  } else {
    const err257 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err257];
    } else {
      vErrors.push(err257);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/model/describe.ts
function describeCpus(set) {
  return `${set.size === 1 ? "CPU" : "CPUs"} ${set.toString()}`;
}
function describeNodes(set) {
  return set.isEmpty ? "no node" : `${set.size === 1 ? "node" : "nodes"} ${set.toString()}`;
}
function describeVcpus(set) {
  return `${set.size === 1 ? "vCPU" : "vCPUs"} ${set.toString()}`;
}
function excerpt(value, max = 48) {
  if (value.length <= max) return value;
  let cut = max - 1;
  const c = value.charCodeAt(cut - 1);
  if (c >= 55296 && c <= 56319) cut--;
  return `${value.slice(0, cut)}\u2026`;
}
function listNames(names3) {
  if (names3.length <= 1) return names3[0] ?? "";
  return `${names3.slice(0, -1).join(", ")} and ${names3[names3.length - 1]}`;
}
function describeDomain(on) {
  const { name } = on.domain;
  const { path: path3 } = on.source;
  return name ? `${excerpt(name, 40)} (${path3})` : path3;
}
function listBounded(names3, total, max = 3, more = "other domains") {
  const shown = names3.slice(0, max);
  if (total > shown.length) shown.push(`${total - shown.length} ${more}`);
  return listNames(shown);
}

// src/model/units.ts
var LIBVIRT_MEMORY_MAX_BYTES = 2n ** 63n - 1n;
var ULLONG_MAX = 2n ** 64n - 1n;
var EXPONENT_BY_PREFIX = { k: 1n, m: 2n, g: 3n, t: 4n, p: 5n, e: 6n };
function unitBytes(unit) {
  const lower = unit.toLowerCase();
  if (lower === "b" || lower === "byte" || lower === "bytes") return 1n;
  let base;
  if (lower.length === 1 || lower.slice(1) === "ib") base = 1024n;
  else if (lower.length === 2 && lower[1] === "b") base = 1000n;
  else return void 0;
  const exponent = EXPONENT_BY_PREFIX[lower[0]];
  return exponent === void 0 ? void 0 : base ** exponent;
}
function isDecimalUnit(unit) {
  const lower = unit.toLowerCase();
  return lower.length === 2 && lower[1] === "b" && lower[0] in EXPONENT_BY_PREFIX;
}
var LEADING_SPACE = /^[ \t\n\r\f]*/;
function scaleToKiB(value, unit, defaultUnit = "KiB", opts = {}) {
  if (value.length > 32 || unit !== void 0 && unit.length > 8) return scaleUncached(value, unit, defaultUnit, opts);
  const key = `${value}\0${unit ?? ""}\0${defaultUnit}\0${opts.maxBytes ?? ""}`;
  let parsed = scaleMemo.get(key);
  if (parsed === void 0) {
    if (scaleMemo.size >= 4096) scaleMemo.clear();
    scaleMemo.set(key, parsed = Object.freeze(scaleUncached(value, unit, defaultUnit, opts)));
  }
  return parsed;
}
var scaleMemo = /* @__PURE__ */ new Map();
function scaleUncached(value, unit, defaultUnit, opts) {
  const maxBytes = opts.maxBytes ?? LIBVIRT_MEMORY_MAX_BYTES;
  const lead = LEADING_SPACE.exec(value)[0].length;
  let pos = lead;
  if (value[pos] === "-") return parsedError("negative sizes are not allowed", pos, 1);
  if (value[pos] === "+") pos++;
  const digitsStart = pos;
  while (pos < value.length && value[pos] >= "0" && value[pos] <= "9") pos++;
  if (pos === digitsStart) {
    return parsedError(`'${excerpt(value)}' is not a non-negative decimal integer`, lead, Math.max(value.length - lead, 0));
  }
  if (pos < value.length) {
    return parsedError(`unexpected '${excerpt(value.slice(pos))}' after the number (libvirt allows nothing after the digits)`, pos, value.length - pos);
  }
  const amount = BigInt(value.slice(digitsStart, pos));
  if (amount > ULLONG_MAX) return parsedError("value does not fit in 64 bits", digitsStart, pos - digitsStart);
  const suffix = unit === void 0 || unit === "" ? void 0 : unit;
  const scale = unitBytes(suffix ?? defaultUnit);
  if (scale === void 0) return parsedError(`unknown unit '${excerpt(suffix ?? defaultUnit, 24)}'`, 0, 0);
  if (amount !== 0n && amount > maxBytes / scale) {
    return parsedError(`value too large: ${amount}${excerpt(suffix ?? "", 16)} exceeds ${maxBytes} bytes`, digitsStart, pos - digitsStart);
  }
  const kib = (amount * scale + 1023n) / 1024n;
  if (kib >= (maxBytes + 1023n) / 1024n) return parsedError("size value too large", digitsStart, pos - digitsStart);
  if (kib > BigInt(Number.MAX_SAFE_INTEGER)) {
    return parsedError(`${kib} KiB is too large to handle exactly`, digitsStart, pos - digitsStart);
  }
  return parsedOk(Number(kib));
}
var BINARY_UNITS = [
  ["EiB", 1024 ** 5],
  ["PiB", 1024 ** 4],
  ["TiB", 1024 ** 3],
  ["GiB", 1024 ** 2],
  ["MiB", 1024]
];
function formatKiB(kib) {
  if (Number.isSafeInteger(kib) && kib !== 0) {
    for (const [name, size] of BINARY_UNITS) {
      if (kib % size === 0) return `${kib / size} ${name}`;
    }
  }
  return `${kib} KiB`;
}
function sizeInUnit(kib, unit) {
  const scale = unitBytes(unit);
  if (scale === void 0 || !Number.isSafeInteger(kib) || kib < 0) return void 0;
  const bytes = BigInt(kib) * 1024n;
  return bytes % scale === 0n ? (bytes / scale).toString() : void 0;
}
function binaryCounterpart(unit) {
  return isDecimalUnit(unit) ? unit.slice(0, 1) : void 0;
}

// src/xml/query.ts
function attribute(el, name) {
  for (const a of el.attributes) if (a.name === name) return a;
  return void 0;
}
function firstChild(el, name) {
  if (!el) return void 0;
  for (const c of el.children) if (c.name === name) return c;
  return void 0;
}
function childrenNamed(el, name) {
  if (!el) return [];
  return el.children.filter((c) => c.name === name);
}

// src/host/capabilities.ts
var CAPABILITIES_NEVER_HAS = [
  "hugepages.defaultSizeKiB",
  "hugepages.free",
  "isolation",
  "kernel.cmdline",
  "node.memFree",
  "vm.min_free_kbytes",
  "vm.watermark_scale_factor",
  "zoneinfo"
];
function looksLikeCapabilities(text) {
  return /^[\s\ufeff]*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<capabilities[\s/>]/.test(text);
}
function xpath(el) {
  const parts = [];
  for (let cur = el; cur; cur = cur.parent) {
    const parent = cur.parent;
    const same = parent ? parent.children.filter((c) => c.name === cur.name) : [];
    parts.unshift(same.length > 1 ? `${cur.name}[${same.indexOf(cur) + 1}]` : cur.name);
  }
  return parts.join("/");
}
function importCapabilities(text, path3) {
  const doc = parseXml(text);
  if (doc.error) {
    throw new HostSnapshotError(path3, "", `not well-formed XML at line ${doc.error.line}, column ${doc.error.column}: ${doc.error.message}`, {
      start: doc.error.offset,
      end: Math.min(doc.error.offset + 1, text.length)
    });
  }
  const root = doc.root;
  if (!root || root.name !== "capabilities") {
    throw new HostSnapshotError(path3, "", `root element is <${root?.name ?? ""}>, not <capabilities>`, root?.startTag);
  }
  const fail = (el, problem, range = el.startTag) => {
    throw new HostSnapshotError(path3, xpath(el), problem, range);
  };
  const intAttr = (el, name, required) => {
    const a = attribute(el, name);
    if (!a) return required ? fail(el, `has no ${name}='\u2026' attribute`) : void 0;
    if (!/^\d+$/.test(a.value.trim()) || !Number.isSafeInteger(Number(a.value))) {
      return fail(el, `${name}='${a.value}' is not a non-negative whole number`, a.range);
    }
    return Number(a.value);
  };
  const kib = (el, value, valueRange, what) => {
    const r = scaleToKiB(value.trim(), attribute(el, "unit")?.value);
    if (!r.ok) return fail(el, `${what} ${JSON.stringify(value.trim())}: ${r.error}`, valueRange);
    return r.value;
  };
  const pageSize = (pages) => {
    const size = attribute(pages, "size");
    if (!size) return fail(pages, "has no size='\u2026' attribute");
    return kib(pages, size.value, size.range, "page size");
  };
  const host = firstChild(root, "host");
  if (!host) return fail(root, "has no <host> element: not the output of `virsh capabilities`");
  const topology = firstChild(host, "topology");
  const cells = firstChild(topology, "cells");
  if (!topology || !cells) {
    return fail(
      host,
      "has no <topology><cells>: this capabilities document says nothing about NUMA nodes, their CPUs or memory, so no host snapshot can be made from it (run `kvmlint snapshot` on the host instead)"
    );
  }
  const notes = [];
  const missing = new Set(CAPABILITIES_NEVER_HAS);
  const hostPageSizes = childrenNamed(firstChild(host, "cpu"), "pages").map(pageSize);
  const cellList = childrenNamed(cells, "cell");
  if (cellList.length === 0) return fail(cells, "has no <cell>: no NUMA node to describe");
  const firstCellPages = childrenNamed(cellList[0], "pages");
  const basePageKiB = hostPageSizes[0] ?? (firstCellPages.length > 0 ? Math.min(...firstCellPages.map(pageSize)) : void 0);
  const nodes = [];
  const topologyEntries = [];
  const cellOfCpu = /* @__PURE__ */ new Map();
  const cellIds = /* @__PURE__ */ new Map();
  const siblingsOf = [];
  let anyTopology = false;
  let anyPages = false;
  for (const cell of cellList) {
    const id = intAttr(cell, "id", true);
    if (cellIds.has(id)) fail(cell, `cell id ${id} appears twice`, attribute(cell, "id").range);
    cellIds.set(id, cell);
    const cpuIds = [];
    for (const cpuEl of childrenNamed(firstChild(cell, "cpus"), "cpu")) {
      const cpu = intAttr(cpuEl, "id", true);
      const other = cellOfCpu.get(cpu);
      if (other !== void 0) {
        const why = other === id ? `CPU ${cpu} is listed twice in cell ${id}` : `CPU ${cpu} is also in cell ${other}; a CPU belongs to one node`;
        fail(cpuEl, why, attribute(cpuEl, "id").range);
      }
      cellOfCpu.set(cpu, id);
      cpuIds.push(cpu);
      const entry = { cpu, node: id };
      const socket = intAttr(cpuEl, "socket_id", false);
      const die = intAttr(cpuEl, "die_id", false);
      const core = intAttr(cpuEl, "core_id", false);
      if (socket !== void 0) entry.socket = socket;
      if (die !== void 0) entry.die = die;
      if (core !== void 0) entry.core = core;
      const siblings = attribute(cpuEl, "siblings");
      if (siblings) {
        const r = parseSnapshotCpuList(siblings.value, "kernel");
        if (!r.ok) fail(cpuEl, `siblings='${siblings.value}' is not a CPU list: ${r.error}`, siblings.range);
        else entry.siblings = { raw: siblings.value, parsed: r.value.toString() };
      }
      if (socket !== void 0 || core !== void 0 || siblings) anyTopology = true;
      topologyEntries.push(entry);
    }
    const set = CpuSet.of(...cpuIds);
    const node = { id, cpus: { raw: cpuIds.join(","), parsed: set.toString() } };
    const memory = firstChild(cell, "memory");
    if (memory) node.memTotalKiB = kib(memory, memory.text, memory.contentRange, "memory");
    else missing.add("node.memTotal");
    const pools = [];
    for (const pages of childrenNamed(cell, "pages")) {
      const size = pageSize(pages);
      if (size === basePageKiB) continue;
      const count = pages.text.trim();
      if (!/^\d+$/.test(count)) fail(pages, `page count ${JSON.stringify(count)} is not a whole number`, pages.contentRange);
      if (pools.some((p) => p.sizeKiB === size)) fail(pages, `page size ${size} KiB appears twice in this cell`);
      pools.push({ sizeKiB: size, total: Number(count) });
      anyPages = true;
    }
    if (pools.length > 0) node.hugepages = pools.sort((a, b) => a.sizeKiB - b.sizeKiB);
    const distances = firstChild(cell, "distances");
    if (distances) {
      const values = /* @__PURE__ */ new Map();
      for (const sib of childrenNamed(distances, "sibling")) values.set(intAttr(sib, "id", true), intAttr(sib, "value", true));
      siblingsOf.push({ node, el: distances, values });
    } else siblingsOf.push(void 0);
    nodes.push(node);
  }
  for (const entry of siblingsOf) {
    if (!entry) continue;
    const row = nodes.map((n) => entry.values.get(n.id));
    if (row.every((v) => v !== void 0)) entry.node.distances = row;
    else {
      const lacking = nodes.filter((n) => !entry.values.has(n.id)).map((n) => n.id);
      notes.push(`${xpath(entry.el)} gives no distance to cell${lacking.length > 1 ? "s" : ""} ${lacking.join(", ")}; cell ${entry.node.id}'s distances left out`);
    }
  }
  if (nodes.some((n) => n.distances === void 0)) missing.add("node.distances");
  const snapshot = { kvmlintHostSnapshot: 1, source: "virsh-capabilities", nodes };
  if (anyTopology) snapshot.cpuTopology = topologyEntries.sort((a, b) => a.cpu - b.cpu);
  else {
    missing.add("cpuTopology");
    notes.push("the cells list CPU ids only (no socket_id, core_id or siblings): the CPU topology is left out");
  }
  const hugeSizes = new Set(hostPageSizes.filter((s) => s !== basePageKiB));
  for (const n of nodes) for (const p of n.hugepages ?? []) hugeSizes.add(p.sizeKiB);
  if (hugeSizes.size > 0) snapshot.hugepages = { sizesKiB: [...hugeSizes].sort((a, b) => a - b) };
  if (!anyPages) {
    missing.add("hugepages");
    notes.push("the cells carry no <pages>: hugepage pools are unknown");
  }
  if (basePageKiB !== void 0) snapshot.pageSizeKiB = basePageKiB;
  snapshot.missing = [...missing].sort();
  return { snapshot, notes };
}

// src/json/document.ts
function parseJsonPath(path3) {
  const out = [];
  for (const part of path3.split(".")) {
    if (part === "") continue;
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1] !== "") out.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}
function formatJsonPath(segments) {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else out += out === "" ? s : `.${s}`;
  }
  return out;
}
function isJsonSpace(c) {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 65279;
}
function locateJsonKey(text, dottedPath) {
  const path3 = parseJsonPath(dottedPath);
  let pos = 0;
  const skipSpace = () => {
    while (pos < text.length && isJsonSpace(text.charCodeAt(pos))) pos++;
  };
  const stringEnd = (at) => {
    let i = at + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) return i + 1;
      else i++;
    }
    return -1;
  };
  const valueEnd = (at) => {
    const c = text[at];
    if (c === '"') return stringEnd(at);
    if (c === "{" || c === "[") {
      let depth = 0;
      let i = at;
      while (i < text.length) {
        const d = text[i];
        if (d === '"') {
          i = stringEnd(i);
          if (i < 0) return -1;
          continue;
        }
        if (d === "{" || d === "[") depth++;
        else if (d === "}" || d === "]") {
          depth--;
          if (depth === 0) return i + 1;
        }
        i++;
      }
      return -1;
    }
    const m = /^[^\s,\]}]+/.exec(text.slice(at, at + 64));
    return m ? at + m[0].length : -1;
  };
  skipSpace();
  for (const seg of path3) {
    const open = text[pos];
    if (open === "{" && typeof seg === "string") {
      pos++;
      let found = false;
      for (; ; ) {
        skipSpace();
        if (text[pos] !== '"') return void 0;
        const keyEnd = stringEnd(pos);
        if (keyEnd < 0) return void 0;
        let key;
        try {
          key = JSON.parse(text.slice(pos, keyEnd));
        } catch {
          return void 0;
        }
        pos = keyEnd;
        skipSpace();
        if (text[pos] !== ":") return void 0;
        pos++;
        skipSpace();
        if (key === seg) {
          found = true;
          break;
        }
        const end2 = valueEnd(pos);
        if (end2 < 0) return void 0;
        pos = end2;
        skipSpace();
        if (text[pos] !== ",") return void 0;
        pos++;
      }
      if (!found) return void 0;
    } else if (open === "[" && typeof seg === "number") {
      pos++;
      for (let i = 0; ; i++) {
        skipSpace();
        if (text[pos] === "]") return void 0;
        if (i === seg) break;
        const end2 = valueEnd(pos);
        if (end2 < 0) return void 0;
        pos = end2;
        skipSpace();
        if (text[pos] !== ",") return void 0;
        pos++;
      }
    } else {
      return void 0;
    }
  }
  const end = valueEnd(pos);
  return end < 0 ? void 0 : { start: pos, end };
}
function locateTokenInJsonString(text, dottedPath, token) {
  const value = locateJsonKey(text, dottedPath);
  if (!value || token === void 0 || token === "" || text[value.start] !== '"') return value;
  const innerStart = value.start + 1;
  const innerEnd = value.end - 1;
  const escaped = JSON.stringify(token).slice(1, -1);
  const spaceBefore = (at) => at === innerStart || text[at - 1] === " " || /\\[tn]$/.test(text.slice(Math.max(innerStart, at - 2), at));
  const spaceAfter = (at) => at === innerEnd || text[at] === " " || /^\\[tn]/.test(text.slice(at, at + 2));
  for (let from = innerStart; ; ) {
    const at = text.indexOf(escaped, from);
    if (at < 0 || at + escaped.length > innerEnd) return value;
    if (spaceBefore(at) && spaceAfter(at + escaped.length)) return { start: at, end: at + escaped.length };
    from = at + 1;
  }
}
function pointerToSegments(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^\d+$/.test(s) ? Number(s) : s);
}
function describeValue(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}\u2026` : v)}`;
  if (typeof v === "number" && !Number.isInteger(v)) return `the number ${v}`;
  return `${typeof v} ${String(v)}`;
}
var TYPE_NAMES = {
  integer: "a whole number",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  array: "an array",
  object: "an object",
  null: "null"
};
function describeAjvError(e, special) {
  const segments = pointerToSegments(e.instancePath);
  const params = e.params;
  const got = describeValue(e.data);
  const own = special?.(e, segments, got);
  if (own !== void 0) return { segments, problem: own };
  switch (e.keyword) {
    case "required":
      return { segments: [...segments, String(params.missingProperty)], problem: "is required but missing" };
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const known = Object.keys(e.parentSchema?.properties ?? {});
      const near = known.find((k) => k.toLowerCase() === name.toLowerCase());
      const hint = near ? ` (did you mean "${near}"?)` : known.length > 0 ? ` (known fields: ${known.join(", ")})` : "";
      return { segments: [...segments, name], problem: `is not a known field${hint}` };
    }
    case "type": {
      const types = String(params.type).split(",");
      return { segments, problem: `must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(" or ")}, not ${got}` };
    }
    case "minimum":
      return { segments, problem: `must be at least ${String(params.limit)}, not ${String(e.data)}` };
    case "maximum":
      return { segments, problem: `must be at most ${String(params.limit)}, not ${String(e.data)}` };
    case "const":
      return { segments, problem: `must be ${JSON.stringify(params.allowedValue)}, not ${got}` };
    case "enum":
      return {
        segments,
        problem: `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}, not ${got}`
      };
    case "minItems":
      return { segments, problem: `must have at least ${String(params.limit)} entr${params.limit === 1 ? "y" : "ies"}` };
    case "uniqueItems":
      return { segments, problem: `has the same value twice (entries ${String(params.j)} and ${String(params.i)})` };
    case "minLength":
      return { segments, problem: "must not be empty" };
    default:
      return { segments, problem: e.message ?? `fails schema keyword ${e.keyword}` };
  }
}
function findJsonSyntaxError(text) {
  let pos = 0;
  const fail = (reason) => {
    throw { offset: pos, reason };
  };
  const ws = () => {
    while (pos < text.length && isJsonSpace(text.charCodeAt(pos))) pos++;
  };
  const describeHere = () => pos >= text.length ? "the end of the file" : JSON.stringify(text[pos]);
  const literal = (word) => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail(`unexpected ${describeHere()}`);
  };
  const string = () => {
    pos++;
    for (; ; ) {
      if (pos >= text.length) fail("unterminated string");
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos++;
        return;
      }
      if (c < 32) fail("control character in a string (escape it)");
      if (c === 92) {
        const e = text[pos + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail("bad \\u escape");
          pos += 6;
        } else if (e !== void 0 && '"\\/bfnrt'.includes(e)) pos += 2;
        else fail("bad escape in a string");
      } else pos++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!m) fail(`unexpected ${describeHere()}`);
    pos += m[0].length;
  };
  const value = () => {
    ws();
    const c = text[pos];
    if (c === "{") {
      pos++;
      ws();
      if (text[pos] === "}") {
        pos++;
        return;
      }
      for (; ; ) {
        ws();
        if (text[pos] !== '"') fail(`expected a property name in double quotes, found ${describeHere()}`);
        string();
        ws();
        if (text[pos] !== ":") fail(`expected ':' after the property name, found ${describeHere()}`);
        pos++;
        value();
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "}") {
          pos++;
          return;
        }
        fail(`expected ',' or '}' after a property value, found ${describeHere()}`);
      }
    } else if (c === "[") {
      pos++;
      ws();
      if (text[pos] === "]") {
        pos++;
        return;
      }
      for (; ; ) {
        value();
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "]") {
          pos++;
          return;
        }
        fail(`expected ',' or ']' after an array element, found ${describeHere()}`);
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || c !== void 0 && c >= "0" && c <= "9") number();
    else fail(`unexpected ${describeHere()}`);
  };
  try {
    value();
    ws();
    if (pos < text.length) fail(`unexpected ${describeHere()} after the document`);
    return void 0;
  } catch (e) {
    if (e !== null && typeof e === "object" && "offset" in e) return e;
    throw e;
  }
}
function describeJsonSyntaxError(text, err) {
  let found;
  try {
    found = findJsonSyntaxError(text);
  } catch {
    found = void 0;
  }
  if (!found) return { problem: `not valid JSON: ${err.message}`, range: void 0 };
  const { line, column } = new LineIndex(text).position(found.offset);
  return {
    problem: `not valid JSON at line ${line}, column ${column}: ${found.reason}`,
    range: { start: found.offset, end: Math.min(found.offset + 1, text.length) }
  };
}

// src/host/numactl.ts
var NUMACTL_NEVER_HAS = [
  "cpuTopology",
  "hugepages",
  "hugepages.free",
  "isolation",
  "kernel.cmdline",
  "vm.min_free_kbytes",
  "vm.watermark_scale_factor",
  "zoneinfo"
];
var AVAILABLE = /^available:\s+(\d+)\s+nodes?\s+\(([^)]*)\)\s*$/;
function looksLikeNumactl(text) {
  const first = text.replace(/^\ufeff/, "").split("\n").find((l) => l.trim() !== "");
  return first !== void 0 && (AVAILABLE.test(first.trim()) || /^No NUMA available on this system/i.test(first.trim()));
}
function importNumactl(text, path3) {
  const lines = text.replace(/^\ufeff/, "").split("\n");
  const lineStarts = [];
  let offset = text.startsWith("\uFEFF") ? 1 : 0;
  for (const l of lines) {
    lineStarts.push(offset);
    offset += l.length + 1;
  }
  const fail = (index, problem) => {
    const line = lines[index] ?? "";
    throw new HostSnapshotError(path3, `line ${index + 1}`, problem, { start: lineStarts[index] ?? 0, end: (lineStarts[index] ?? 0) + line.replace(/\r$/, "").length });
  };
  const notes = [];
  const nodes = /* @__PURE__ */ new Map();
  const node = (id, index) => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, n = { id, cpus: "", line: index });
    return n;
  };
  let declared;
  let header;
  const rows = /* @__PURE__ */ new Map();
  let inDistances = false;
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, "");
    const t = line.trim();
    if (t === "") return;
    let m;
    if (m = AVAILABLE.exec(t)) {
      declared = Number(m[1]);
      return;
    }
    if (m = /^node\s+(\d+)\s+cpus:(.*)$/.exec(t)) {
      inDistances = false;
      const raw = m[2].trim();
      const r = parseSnapshotCpuList(raw, "kernel");
      if (!r.ok) fail(index, `node ${m[1]} cpus: ${JSON.stringify(raw)} is not a list of CPU numbers (${r.error})`);
      else node(Number(m[1]), index).cpus = { raw, parsed: r.value.toString() };
      return;
    }
    if (m = /^node\s+(\d+)\s+(size|free):\s*(\S+)\s*(\S*)$/.exec(t)) {
      inDistances = false;
      const [, id, what, amount, unit] = m;
      if (!/^\d+$/.test(amount)) fail(index, `node ${id} ${what}: ${JSON.stringify(amount)} is not a whole number`);
      if (unit !== "MB") fail(index, `node ${id} ${what}: expected a size in MB, found ${JSON.stringify(unit || "no unit")}`);
      const kib = Number(amount) * 1024;
      if (!Number.isSafeInteger(kib)) fail(index, `node ${id} ${what}: ${amount} MB is too large`);
      const n = node(Number(id), index);
      if (what === "size") n.memTotalKiB = kib;
      else n.memFreeKiB = kib;
      return;
    }
    if (/^node distances:$/.test(t)) {
      inDistances = true;
      return;
    }
    if (/^No distance information available\.?$/i.test(t)) {
      inDistances = false;
      notes.push("numactl printed no distance information: distances left out");
      return;
    }
    if (inDistances && (m = /^node((?:\s+\d+)+)$/.exec(t))) {
      header = m[1].trim().split(/\s+/).map(Number);
      return;
    }
    if (inDistances && header && (m = /^(\d+):((?:\s+\d+)+)$/.exec(t))) {
      const values = m[2].trim().split(/\s+/).map(Number);
      if (values.length !== header.length) fail(index, `distance row for node ${m[1]} has ${values.length} values for ${header.length} nodes`);
      rows.set(Number(m[1]), values);
      return;
    }
    if (/^No NUMA available on this system/i.test(t)) fail(index, "numactl found no NUMA support on that system: nothing to import");
  });
  if (declared === void 0) throw new HostSnapshotError(path3, "", 'no "available: N nodes (\u2026)" line: not `numactl --hardware` output');
  const list = [...nodes.values()].sort((a, b) => a.id - b.id);
  if (list.length === 0) throw new HostSnapshotError(path3, "", 'no "node N cpus:" lines: no node to import');
  if (declared !== list.length) notes.push(`"available: ${declared} nodes" but ${list.length} nodes are described; using those`);
  const missing = new Set(NUMACTL_NEVER_HAS);
  for (const n of list) {
    if (n.memTotalKiB === void 0) missing.add("node.memTotal");
    if (n.memFreeKiB === void 0) missing.add("node.memFree");
    const row = rows.get(n.id);
    if (row && header) {
      const byId2 = new Map(header.map((h, i) => [h, row[i]]));
      const ordered = list.map((o) => byId2.get(o.id));
      if (ordered.every((v) => v !== void 0)) n.distances = ordered;
    }
    if (n.distances === void 0) missing.add("node.distances");
  }
  notes.push("numactl prints memory in whole MiB, rounded down: free memory may be up to 1 MiB per node lower than the kernel counts");
  const snapshot = {
    kvmlintHostSnapshot: 1,
    source: "numactl-hardware",
    missing: [...missing].sort(),
    nodes: list.map(({ line: _line, ...n }) => n)
  };
  return { snapshot, notes };
}

// src/host/load.ts
var HostSnapshotError = class extends Error {
  /** JSON path of the offending field (`nodes[1].memFreeKiB`); empty for the document as a whole. */
  field;
  /** The snapshot file. */
  file;
  /** Where the field's value (or the syntax error) is in the file text, when known. */
  range;
  constructor(file, field, problem, range) {
    super(field === "" ? `${file}: ${problem}` : `${file}: ${field}: ${problem}`);
    this.name = "HostSnapshotError";
    this.file = file;
    this.field = field;
    this.range = range;
  }
};
function schemaValidator() {
  return host_snapshot_validator_default;
}
var consistentCpuParts = /* @__PURE__ */ new WeakSet();
function snapshotErrors(s) {
  const rep = cpuPartsRepresentative(s);
  if (consistentCpuParts.has(rep)) return semanticErrors(s, false);
  const errors = semanticErrors(s, true);
  if (errors.length === 0) consistentCpuParts.add(rep);
  return errors;
}
function semanticErrors(s, checkCpus) {
  const errors = [];
  const nrCpuIds = checkCpus ? nrCpuIdsOf(s) : void 0;
  const parsedAt = /* @__PURE__ */ new Map();
  for (const f of checkCpus ? snapshotCpuListFields(s) : []) {
    const r = parseSnapshotCpuList(f.list, f.grammar, nrCpuIds);
    if (!r.ok) {
      errors.push({
        field: f.path,
        problem: `${JSON.stringify(cpuListRaw(f.list))} is not a valid ${f.grammar === "tuned" ? "tuned" : "kernel"} CPU list: ${r.error}`
      });
      continue;
    }
    parsedAt.set(f.path, r.value);
    if (typeof f.list !== "string" && f.list.parsed !== void 0) {
      const p = parseSnapshotCpuList(f.list.parsed, "kernel", nrCpuIds);
      if (!p.ok || !p.value.equals(r.value)) {
        const parsedPath = f.path.replace(/\.raw$/, ".parsed");
        errors.push({
          field: parsedPath,
          problem: `${JSON.stringify(f.list.parsed)} does not match raw ${JSON.stringify(f.list.raw)} (which means ${r.value.toString() || "no CPUs"}); fix or drop "parsed"`
        });
      }
    }
  }
  const firstIndexOfNode = /* @__PURE__ */ new Map();
  const owner = /* @__PURE__ */ new Map();
  s.nodes.forEach((n, i) => {
    const prev = firstIndexOfNode.get(n.id);
    if (prev !== void 0) {
      if (checkCpus) errors.push({ field: `nodes[${i}].id`, problem: `node id ${n.id} appears twice (also nodes[${prev}].id)` });
    } else firstIndexOfNode.set(n.id, i);
    const cpusPath = typeof n.cpus === "string" ? `nodes[${i}].cpus` : `nodes[${i}].cpus.raw`;
    const cpus = checkCpus ? parsedAt.get(cpusPath) : void 0;
    if (cpus) {
      for (const other of owner.values()) {
        const shared = cpus.intersect(other.cpus);
        if (!shared.isEmpty) {
          errors.push({
            field: cpusPath,
            problem: `CPU${shared.size > 1 ? "s" : ""} ${shared.toString()} ${shared.size > 1 ? "are" : "is"} also in node ${other.node} (nodes[${other.index}].cpus); a CPU belongs to one node`
          });
        }
      }
      owner.set(i, { node: n.id, index: i, cpus });
    }
    if (n.memTotalKiB !== void 0 && n.memFreeKiB !== void 0 && n.memFreeKiB > n.memTotalKiB) {
      errors.push({ field: `nodes[${i}].memFreeKiB`, problem: `${n.memFreeKiB} exceeds memTotalKiB ${n.memTotalKiB}` });
    }
    if (n.distances !== void 0 && n.distances.length !== s.nodes.length) {
      errors.push({
        field: `nodes[${i}].distances`,
        problem: `has ${n.distances.length} entr${n.distances.length === 1 ? "y" : "ies"} but there are ${s.nodes.length} nodes (one distance per node, in the order of "nodes")`
      });
    }
    const sizes = /* @__PURE__ */ new Map();
    (n.hugepages ?? []).forEach((p, k) => {
      const prevK = sizes.get(p.sizeKiB);
      if (prevK !== void 0) {
        errors.push({ field: `nodes[${i}].hugepages[${k}].sizeKiB`, problem: `pool size ${p.sizeKiB} KiB appears twice (also hugepages[${prevK}])` });
      } else sizes.set(p.sizeKiB, k);
      if (p.free !== void 0 && p.free > p.total + (p.surplus ?? 0)) {
        errors.push({ field: `nodes[${i}].hugepages[${k}].free`, problem: `${p.free} free pages exceed the pool's ${p.total} (+${p.surplus ?? 0} surplus)` });
      }
    });
    const zoneNames = /* @__PURE__ */ new Map();
    (n.zones ?? []).forEach((z, k) => {
      const prevK = zoneNames.get(z.name);
      if (prevK !== void 0) errors.push({ field: `nodes[${i}].zones[${k}].name`, problem: `zone ${z.name} appears twice (also zones[${prevK}])` });
      else zoneNames.set(z.name, k);
    });
  });
  const seenCpu = /* @__PURE__ */ new Map();
  (checkCpus ? s.cpuTopology ?? [] : []).forEach((c, k) => {
    const prev = seenCpu.get(c.cpu);
    if (prev !== void 0) errors.push({ field: `cpuTopology[${k}].cpu`, problem: `CPU ${c.cpu} appears twice (also cpuTopology[${prev}])` });
    else seenCpu.set(c.cpu, k);
    if (c.node !== void 0 && !firstIndexOfNode.has(c.node)) {
      errors.push({ field: `cpuTopology[${k}].node`, problem: `node ${c.node} is not in "nodes"` });
    }
  });
  const sizesKiB = s.hugepages?.sizesKiB;
  const def = s.hugepages?.defaultSizeKiB;
  if (def !== void 0 && sizesKiB !== void 0 && !sizesKiB.includes(def)) {
    errors.push({ field: "hugepages.defaultSizeKiB", problem: `${def} is not one of hugepages.sizesKiB (${sizesKiB.join(", ")})` });
  }
  return errors;
}
function jsonSyntaxError(text, path3, err) {
  const { problem, range } = describeJsonSyntaxError(text, err);
  return new HostSnapshotError(path3, "", problem, range);
}
var snapshotWording = (e, segments, got) => {
  const type = String(e.params.type);
  if (e.keyword === "type" && type.split(",").includes("string") && type.split(",").includes("object")) {
    return `must be a CPU list: a string like "0-3,8" or {"raw": "0-3,8"}, not ${got}`;
  }
  if (e.keyword === "const" && segments.length === 1 && segments[0] === "kvmlintHostSnapshot") {
    return `format version ${JSON.stringify(e.data)} is not supported: this kvmlint reads version 1`;
  }
  return void 0;
};
function loadHostSnapshotText(text, path3) {
  let data;
  try {
    data = JSON.parse(text.charCodeAt(0) === 65279 ? ` ${text.slice(1)}` : text);
  } catch (err) {
    throw jsonSyntaxError(text, path3, err);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new HostSnapshotError(path3, "", `a host snapshot is a JSON object, not ${describeValue(data)}`);
  }
  const validate = schemaValidator();
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    const first2 = errors[0];
    if (first2) {
      const { segments, problem } = describeAjvError(first2, snapshotWording);
      const field = formatJsonPath(segments);
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : "";
      const range = locateJsonKey(text, field) ?? locateJsonKey(text, formatJsonPath(segments.slice(0, -1)));
      throw new HostSnapshotError(path3, field, problem + more, field === "" ? void 0 : range);
    }
    throw new HostSnapshotError(path3, "", "does not match the host snapshot schema");
  }
  const snapshot = data;
  const semantic = snapshotErrors(snapshot);
  const first = semantic[0];
  if (first) {
    const more = semantic.length > 1 ? ` (and ${semantic.length - 1} more problem${semantic.length > 2 ? "s" : ""})` : "";
    throw new HostSnapshotError(path3, first.field, first.problem + more, locateJsonKey(text, first.field));
  }
  return snapshot;
}
function checkedImport(imp, path3, what) {
  try {
    loadHostSnapshotText(JSON.stringify(imp.snapshot), path3);
  } catch (err) {
    if (!(err instanceof HostSnapshotError)) throw err;
    const prefix = err.field === "" ? `${path3}: ` : `${path3}: ${err.field}: `;
    throw new HostSnapshotError(path3, err.field, `after converting ${what}: ${err.message.slice(prefix.length)}`);
  }
  return imp;
}
var jsonImporter = {
  name: "kvmlint host snapshot (JSON)",
  detect: (text) => /^[\s\ufeff]*\{/.test(text),
  load: (text, path3) => ({ snapshot: loadHostSnapshotText(text, path3), notes: [] })
};
var capabilitiesImporter = {
  name: "`virsh capabilities` XML",
  detect: looksLikeCapabilities,
  load: (text, path3) => checkedImport(importCapabilities(text, path3), path3, "virsh capabilities")
};
var numactlImporter = {
  name: "`numactl --hardware` output",
  detect: looksLikeNumactl,
  load: (text, path3) => checkedImport(importNumactl(text, path3), path3, "numactl --hardware output")
};
var importers = [jsonImporter, capabilitiesImporter, numactlImporter];
function importHostText(text, path3) {
  const importer = importers.find((i) => i.detect(text));
  if (importer) return { ...importer.load(text, path3), format: importer.name };
  const start = /^[\s\ufeff]*/.exec(text)[0].length;
  const accepted = importers.map((i) => i.name).join(", ");
  if (text[start] === "<") {
    const root = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(start).replace(/^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/, ""));
    throw new HostSnapshotError(
      path3,
      "",
      `XML${root ? ` whose root is <${root[1]}>` : ""} is not a host description: give \`virsh capabilities\` XML (root <capabilities>), a JSON host snapshot (kvmlint snapshot) or \`numactl --hardware\` output`
    );
  }
  throw new HostSnapshotError(path3, "", `not a recognised host input (accepted: ${accepted})`);
}
function loadHostText(text, path3) {
  return importHostText(text, path3).snapshot;
}
var MAX_HOST_FILE_BYTES = 64 * 1024 * 1024;

// src/model/libvirt-cpuset.ts
var LIBVIRT_CPUMASK_LEN = 16384;
var INT_MAX = 2147483647;
function isSpace3(c) {
  return c === " " || c === "	" || c === "\n" || c === "\r" || c === "\f";
}
function isDigit2(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function skipSpaces(text, pos) {
  while (isSpace3(text[pos])) pos++;
  return pos;
}
function scanDigits(text, pos) {
  let value = 0;
  let overflow = false;
  while (isDigit2(text[pos])) {
    if (!overflow) {
      value = value * 10 + (text.charCodeAt(pos) - 48);
      if (value > INT_MAX) overflow = true;
    }
    pos++;
  }
  return { value, end: pos, overflow };
}
function itemSpan(text, start) {
  const comma = text.indexOf(",", start);
  let end = comma < 0 ? text.length : comma;
  while (end > start && isSpace3(text[end - 1])) end--;
  if (end === start && start < text.length) end = start + 1;
  return { offset: start, length: end - start };
}
function parseLibvirtCpuset(text, opts = {}) {
  if (opts.maxLen !== void 0 || text.length > MEMO_MAX_TEXT) return parseUncached(text, opts);
  let parsed = memo.get(text);
  if (parsed === void 0) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(text, parsed = Object.freeze(parseUncached(text, opts)));
  }
  return parsed;
}
var MEMO_MAX_TEXT = 64;
var MEMO_MAX_ENTRIES = 4096;
var memo = /* @__PURE__ */ new Map();
function parseUncached(text, opts) {
  const maxLen = opts.maxLen ?? LIBVIRT_CPUMASK_LEN;
  if (!Number.isSafeInteger(maxLen) || maxLen < 1) throw new RangeError(`maxLen must be a positive integer, got ${maxLen}`);
  if (text.length <= 5 && /^\d+$/.test(text)) {
    const id = Number(text);
    if (id < maxLen) return parsedOk(CpuSet.of(id));
  }
  let pos = skipSpaces(text, 0);
  if (pos >= text.length) return parsedError("empty cpuset: name at least one CPU", 0, text.length);
  let set = CpuSet.empty;
  let pending = [];
  const flush = () => {
    if (pending.length > 0) set = set.union(CpuSet.fromIntervals(pending));
    pending = [];
  };
  const idleNegations = [];
  const untidy = /* @__PURE__ */ new Set();
  let lastStart = -1;
  let maxEnd = -1;
  const checkTidy = (a, b) => {
    if (a < lastStart) untidy.add("order");
    if (a <= maxEnd && !untidy.has("repeat")) {
      flush();
      if (set.intersects(CpuSet.range(a, b))) untidy.add("repeat");
    }
    lastStart = a;
    if (b > maxEnd) maxEnd = b;
  };
  const beyondLimit = (id) => `${typeof id === "string" ? excerpt(id, 24) : id} is beyond libvirt's limit: ids must be below ${maxLen} (0-${maxLen - 1})`;
  let item = { offset: 0, length: 0 };
  const fail = (message) => parsedError(message, item.offset, item.length);
  const addPending = (a, b) => {
    const last = pending[pending.length - 1];
    if (last && a >= last[0] && a <= last[1] + 1) {
      if (b > last[1]) last[1] = b;
    } else pending.push([a, b]);
  };
  while (pos < text.length) {
    item = itemSpan(text, pos);
    let negate = false;
    if (text[pos] === "^") {
      negate = true;
      pos++;
    }
    if (!isDigit2(text[pos])) {
      if (negate) return fail(`'^' must be followed directly by a CPU number`);
      if (text[pos] === ",") return fail("empty item between commas");
      return fail(`expected a CPU number, a range 'N-M' or an exclusion '^N'`);
    }
    const first = scanDigits(text, pos);
    if (first.overflow) return fail(beyondLimit(text.slice(pos, first.end)));
    pos = skipSpaces(text, first.end);
    if (text[pos] === "," || pos >= text.length) {
      if (first.value >= maxLen) return fail(beyondLimit(first.value));
      if (negate) {
        flush();
        if (set.has(first.value)) set = set.subtract(CpuSet.of(first.value));
        else idleNegations.push({ id: first.value, offset: item.offset, text: text.slice(item.offset, item.offset + item.length) });
      } else {
        checkTidy(first.value, first.value);
        addPending(first.value, first.value);
      }
    } else if (text[pos] === "-") {
      if (negate) return fail(`'^' excludes a single CPU; libvirt rejects a range after '^'`);
      pos = skipSpaces(text, pos + 1);
      let negative = false;
      if (text[pos] === "+" || text[pos] === "-") {
        negative = text[pos] === "-";
        untidy.add("sign");
        pos++;
      }
      if (!isDigit2(text[pos])) return fail("range has no end: write N-M");
      const last = scanDigits(text, pos);
      if (last.overflow) return fail(beyondLimit(text.slice(pos, last.end)));
      const lastValue = negative ? -last.value : last.value;
      if (lastValue < first.value) return fail(`descending range: ${lastValue} is below ${first.value}`);
      if (lastValue >= maxLen) return fail(beyondLimit(lastValue));
      checkTidy(first.value, lastValue);
      addPending(first.value, lastValue);
      pos = skipSpaces(text, last.end);
    }
    if (text[pos] === ",") {
      pos = skipSpaces(text, pos + 1);
    } else if (pos < text.length) {
      return fail(`unexpected '${String.fromCodePoint(text.codePointAt(pos))}'`);
    }
  }
  flush();
  if (set.isEmpty) return parsedError("cpuset selects no CPU", 0, text.length);
  const notes = [];
  const idleExclusions = [];
  for (const neg of idleNegations) {
    if (set.has(neg.id)) {
      idleExclusions.push(neg.id);
      notes.push(
        `'${excerpt(neg.text)}' (offset ${neg.offset}) removes nothing: ${neg.id} is only added by a later item, and libvirt applies items left to right, so ${neg.id} stays in the set; put '^${neg.id}' after the range it should cut`
      );
    }
  }
  const result = parsedOk(set, notes);
  if (untidy.size > 0) result.untidy = [...untidy];
  if (idleExclusions.length > 0) result.idleExclusions = idleExclusions;
  return result;
}
function formatLibvirtCpuset(set) {
  return set.toString();
}

// src/model/memo.ts
var NO_HOST = {};
var nextSlot = 0;
function newDomainMemo() {
  return { keys: new Array(nextSlot), values: new Array(nextSlot) };
}
function memoPerDomain(compute) {
  const slot = nextSlot++;
  const otherHosts = /* @__PURE__ */ new WeakMap();
  return (d, host) => {
    const key = host ?? NO_HOST;
    const memo2 = d.memo;
    const stored = memo2.keys[slot];
    if (stored === key) return memo2.values[slot];
    if (stored === void 0) {
      const value2 = compute(d, host);
      memo2.keys[slot] = key;
      memo2.values[slot] = value2;
      return value2;
    }
    let byHost = otherHosts.get(d);
    if (!byHost) otherHosts.set(d, byHost = /* @__PURE__ */ new Map());
    if (byHost.has(key)) return byHost.get(key);
    const value = compute(d, host);
    byHost.set(key, value);
    return value;
  };
}
function memoPerHost(compute) {
  const cache = /* @__PURE__ */ new WeakMap();
  return (host) => {
    let entry = cache.get(host);
    if (!entry) cache.set(host, entry = { value: compute(host) });
    return entry.value;
  };
}

// src/model/domain.ts
function memoryBaseOf(el, target, model) {
  if (model === "virtio-mem" || model === "virtio-pmem") {
    const address = firstChild(target, "address");
    return address ? memoryBase(attribute(address, "base")) : void 0;
  }
  if (model === "dimm" || model === "nvdimm") {
    const address = childrenNamed(el, "address").find((a) => attribute(a, "type")?.value === "dimm");
    return address ? memoryBase(attribute(address, "base")) : void 0;
  }
  return void 0;
}
function memoryBase(attr) {
  const text = attr?.value.trim();
  if (!text || !/^(?:0[xX])?[0-9a-fA-F]{1,16}$/.test(text)) return void 0;
  const value = BigInt(`0x${text.replace(/^0[xX]/, "")}`);
  return value === 0n ? void 0 : { value, attr };
}
var MAX_PLAUSIBLE_VCPUS = 16384;
var NUMA_MODES = /* @__PURE__ */ new Set(["strict", "preferred", "interleave", "restrictive"]);
function buildDomainModel(domain) {
  const problems = [];
  const b = new ModelBuilder(problems);
  const vcpu = b.vcpu(firstChild(domain, "vcpu"));
  const iothreadIds = b.iothreadIds(domain);
  return {
    element: domain,
    type: attribute(domain, "type")?.value,
    name: textOf(firstChild(domain, "name")),
    uuid: textOf(firstChild(domain, "uuid")),
    vcpu,
    maxVcpus: vcpu?.max ?? 1,
    offlineVcpus: b.offlineVcpus(vcpu, firstChild(domain, "vcpus")),
    memory: b.memory(firstChild(domain, "memory")),
    currentMemory: b.memorySize(firstChild(domain, "currentMemory")),
    maxMemory: b.memorySize(firstChild(domain, "maxMemory")),
    memtune: b.memtune(firstChild(domain, "memtune")),
    cputune: b.cputune(firstChild(domain, "cputune")),
    numatune: b.numatune(firstChild(domain, "numatune")),
    memoryBacking: b.memoryBacking(firstChild(domain, "memoryBacking")),
    cpu: b.cpu(firstChild(domain, "cpu")),
    iothreadIds,
    iothreadsElement: firstChild(domain, "iothreadids") ?? firstChild(domain, "iothreads"),
    devices: new LazyDeviceFacts(domain),
    problems,
    memo: newDomainMemo()
  };
}
var NUMA_NODE_PCI_MODELS = /* @__PURE__ */ new Set(["pci-expander-bus", "pcie-expander-bus", "pci-root"]);
var LazyDeviceFacts = class {
  constructor(domain) {
    this.domain = domain;
  }
  domain;
  devicesEl;
  featuresEl;
  balloon;
  memories;
  pciNodes;
  pmuFact;
  os;
  devices() {
    if (this.devicesEl === void 0) this.devicesEl = firstChild(this.domain, "devices") ?? null;
    return this.devicesEl ?? void 0;
  }
  features() {
    if (this.featuresEl === void 0) this.featuresEl = firstChild(this.domain, "features") ?? null;
    return this.featuresEl ?? void 0;
  }
  memballoon() {
    if (!this.balloon) {
      const el = firstChild(this.devices(), "memballoon");
      this.balloon = { value: el ? { element: el, model: attribute(el, "model")?.value } : void 0 };
    }
    return this.balloon.value;
  }
  memoryDevices() {
    this.memories ??= childrenNamed(this.devices(), "memory").map((el) => {
      const target = firstChild(el, "target");
      const size = firstChild(target, "size");
      const parsedSize = size ? scaleToKiB(size.text.trim(), attribute(size, "unit")?.value) : void 0;
      const node = firstChild(target, "node")?.text.trim();
      const label = firstChild(firstChild(target, "label"), "size");
      const parsedLabel = label ? scaleToKiB(label.text.trim(), attribute(label, "unit")?.value) : void 0;
      return {
        element: el,
        model: attribute(el, "model")?.value,
        sizeKiB: parsedSize?.ok ? parsedSize.value : void 0,
        targetNode: node !== void 0 && /^\d+$/.test(node) ? Number(node) : void 0,
        labelKiB: parsedLabel?.ok ? parsedLabel.value : void 0,
        base: memoryBaseOf(el, target, attribute(el, "model")?.value)
      };
    });
    return this.memories;
  }
  pciControllerNodes() {
    if (!this.pciNodes) {
      this.pciNodes = [];
      for (const el of childrenNamed(this.devices(), "controller")) {
        if (attribute(el, "type")?.value !== "pci" || !NUMA_NODE_PCI_MODELS.has(attribute(el, "model")?.value ?? "")) continue;
        const nodeElement = firstChild(firstChild(el, "target"), "node");
        if (!nodeElement) continue;
        const text = nodeElement.text.trim();
        this.pciNodes.push({
          element: el,
          model: attribute(el, "model")?.value,
          index: attribute(el, "index")?.value,
          nodeElement,
          node: /^\d{1,9}$/.test(text) ? Number(text) : void 0
        });
      }
    }
    return this.pciNodes;
  }
  pmu() {
    if (!this.pmuFact) {
      const el = firstChild(this.features(), "pmu");
      this.pmuFact = { value: el ? { element: el, state: attribute(el, "state")?.value } : void 0 };
    }
    return this.pmuFact.value;
  }
  osType() {
    if (!this.os) {
      const el = firstChild(firstChild(this.domain, "os"), "type");
      this.os = { value: el ? { element: el, arch: attribute(el, "arch")?.value, machine: attribute(el, "machine")?.value } : void 0 };
    }
    return this.os.value;
  }
};
function untidyReason(kinds) {
  const parts = kinds.map((k) => k === "order" ? "lists ids out of ascending order" : k === "repeat" ? "names some ids twice" : "writes a sign before a range end");
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
function plainUint(text) {
  const len = text.length;
  if (len === 0 || len > 15) return void 0;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return void 0;
    n = n * 10 + c;
  }
  return n;
}
function textOf(el) {
  return el ? el.text.trim() : void 0;
}
function textRange(el) {
  return el.contentRange.end > el.contentRange.start ? el.contentRange : el.startTag;
}
var ModelBuilder = class {
  constructor(problems) {
    this.problems = problems;
  }
  problems;
  problem(range, message, ruleId = "value-invalid") {
    this.problems.push({ ruleId, range, message });
  }
  /** A non-negative integer attribute; undefined (with a problem) when present but not an integer. */
  uint(el, name) {
    const a = attribute(el, name);
    if (!a) return void 0;
    const n = plainUint(a.value);
    return n !== void 0 ? n : this.uintValue(a.value, a.valueRange, `${el.name} ${name}`);
  }
  uintValue(text, range, what) {
    const t = text.trim();
    if (!/^\d+$/.test(t)) {
      this.problem(range, `${what} '${excerpt(t)}' is not a non-negative integer`);
      return void 0;
    }
    const n = Number(t);
    if (!Number.isSafeInteger(n)) {
      this.problem(range, `${what} '${excerpt(t)}' is out of range`);
      return void 0;
    }
    return n;
  }
  cpuset(el, name) {
    const attr = attribute(el, name);
    if (!attr) return void 0;
    const parsed = parseLibvirtCpuset(attr.value);
    if (!parsed.ok) {
      const start = attr.valueRange.start + parsed.offset;
      const range = parsed.length > 0 ? { start, end: start + parsed.length } : attr.valueRange;
      this.problems.push({
        ruleId: "cpuset-syntax",
        range,
        message: `${el.name} ${name}='${excerpt(attr.value)}': ${parsed.error}`,
        cpuset: { element: el.name, attr: name, value: excerpt(attr.value), kind: "invalid", error: parsed.error }
      });
      return { set: void 0, attr };
    }
    if (parsed.idleExclusions) {
      const canonical2 = formatLibvirtCpuset(parsed.value);
      const intended = formatLibvirtCpuset(parsed.value.subtract(CpuSet.of(...parsed.idleExclusions)));
      const suggestions = [
        ...intended ? [{ message: `exclude ${parsed.idleExclusions.join(", ")}, as was probably meant: ${name}='${excerpt(intended)}'`, text: intended, kind: "intended" }] : [],
        { message: `keep libvirt's reading and drop the idle exclusion: ${name}='${excerpt(canonical2)}'`, text: canonical2, kind: "reading" }
      ];
      (parsed.notes ?? []).forEach((note, i) => {
        this.problems.push({
          ruleId: "cpuset-syntax",
          range: attr.valueRange,
          message: `${el.name} ${name}='${excerpt(attr.value)}': ${note}`,
          severity: "info",
          rewrite: { attr, suggestions },
          cpuset: { element: el.name, attr: name, value: excerpt(attr.value), kind: "idle", id: parsed.idleExclusions[i], ids: parsed.idleExclusions.join(", ") }
        });
      });
    } else if (parsed.untidy) {
      const canonical2 = formatLibvirtCpuset(parsed.value);
      this.problems.push({
        ruleId: "cpuset-syntax",
        range: attr.valueRange,
        message: `${el.name} ${name}='${excerpt(attr.value)}' is valid but ${untidyReason(parsed.untidy)}; libvirt reads it as '${excerpt(canonical2)}', the form virsh dumpxml writes back`,
        severity: "info",
        rewrite: { attr, fix: canonical2 },
        cpuset: { element: el.name, attr: name, value: excerpt(attr.value), kind: "untidy", reason: untidyReason(parsed.untidy), canonical: excerpt(canonical2) }
      });
    }
    return { set: parsed.value, attr };
  }
  /** Element text plus `unit` attribute \u2192 KiB (virScaleInteger; default unit KiB). */
  memorySize(el) {
    if (!el) return void 0;
    const range = textRange(el);
    const unit = attribute(el, "unit");
    const parsed = scaleToKiB(el.text.trim(), unit?.value);
    if (!parsed.ok) {
      this.problem(unit && /unit/i.test(parsed.error) ? unit.valueRange : range, `<${el.name}> ${parsed.error}`);
      return void 0;
    }
    return { kib: parsed.value, element: el, range };
  }
  memory(el) {
    return this.memorySize(el);
  }
  vcpu(el) {
    if (!el) return void 0;
    const parsed = this.uintValue(el.text, textRange(el), "<vcpu>");
    let max = parsed ?? 1;
    let maxKnown = parsed !== void 0;
    if (max === 0) {
      this.problem(textRange(el), "<vcpu> must be at least 1");
      max = 1;
      maxKnown = false;
    } else if (max > MAX_PLAUSIBLE_VCPUS) {
      this.problem(textRange(el), `<vcpu> ${max} exceeds the ${MAX_PLAUSIBLE_VCPUS} vCPUs any libvirt driver accepts`);
      max = MAX_PLAUSIBLE_VCPUS;
      maxKnown = false;
    }
    return {
      element: el,
      max,
      maxKnown,
      current: this.uint(el, "current"),
      placement: attribute(el, "placement")?.value === "auto" ? "auto" : "static",
      cpuset: this.cpuset(el, "cpuset")
    };
  }
  offlineVcpus(vcpu, vcpus) {
    const max = vcpu?.max ?? 1;
    const states = childrenNamed(vcpus, "vcpu");
    if (states.length > 0) {
      const ids = states.filter((v) => attribute(v, "enabled")?.value === "no").map((v) => this.uint(v, "id")).filter((id) => id !== void 0 && id < max);
      return CpuSet.of(...ids);
    }
    const current = vcpu?.current;
    return current !== void 0 && current < max ? CpuSet.range(current, max - 1) : CpuSet.empty;
  }
  /**
   * The domain's IOThread ids as libvirt numbers them (domain_conf.c
   * virDomainDefParseIOThreads, virDomainIOThreadIDDefArrayInit): the
   * `<iothreadids>` ids, then, when `<iothreads>` asks for more, the lowest
   * unused ids from 1 up to that count.
   */
  iothreadIds(domain) {
    for (const t of childrenNamed(firstChild(domain, "iothreadids"), "iothread")) {
      const poll = firstChild(t, "poll");
      const weight = poll ? attribute(poll, "weight") : void 0;
      if (!poll || !weight) continue;
      const w = this.uint(poll, "weight");
      if (w !== void 0 && w > 63) this.problem(weight.valueRange, `IOThread poll weight ${w} is out of range [0, 63]: libvirt rejects the domain at define time`);
    }
    const ids = childrenNamed(firstChild(domain, "iothreadids"), "iothread").map((t) => this.uint(t, "id")).filter((n2) => n2 !== void 0);
    const count = firstChild(domain, "iothreads");
    if (!count) return ids;
    let n = this.uintValue(count.text, textRange(count), "<iothreads>") ?? 0;
    if (n > MAX_PLAUSIBLE_VCPUS) {
      this.problem(textRange(count), `<iothreads> ${n} is not a plausible IOThread count (more than ${MAX_PLAUSIBLE_VCPUS})`);
      n = MAX_PLAUSIBLE_VCPUS;
    }
    if (n <= ids.length) return ids;
    const used = new Set(ids);
    const out = ids.slice();
    for (let id = 1; id <= n && out.length < n; id++) if (!used.has(id)) out.push(id);
    return out;
  }
  cputune(el) {
    if (!el) return void 0;
    const emulator = firstChild(el, "emulatorpin");
    return {
      element: el,
      vcpupins: childrenNamed(el, "vcpupin").map((p) => ({ element: p, vcpu: this.uint(p, "vcpu"), vcpuAttr: attribute(p, "vcpu"), cpuset: this.cpuset(p, "cpuset") })),
      emulatorpin: emulator ? { element: emulator, cpuset: this.cpuset(emulator, "cpuset") } : void 0,
      iothreadpins: childrenNamed(el, "iothreadpin").map((p) => ({
        element: p,
        iothread: this.uint(p, "iothread"),
        iothreadAttr: attribute(p, "iothread"),
        cpuset: this.cpuset(p, "cpuset")
      })),
      vcpusched: childrenNamed(el, "vcpusched").map((s) => {
        const vcpus = this.cpuset(s, "vcpus");
        return { ...this.sched(s), vcpus: vcpus?.set, vcpusAttr: vcpus?.attr };
      }),
      iothreadsched: childrenNamed(el, "iothreadsched").map((s) => {
        const iothreads = this.cpuset(s, "iothreads");
        return { ...this.sched(s), iothreads: iothreads?.set, iothreadsAttr: iothreads?.attr };
      }),
      emulatorsched: firstChild(el, "emulatorsched") ? this.sched(firstChild(el, "emulatorsched")) : void 0,
      cachetunes: childrenNamed(el, "cachetune").map((t) => this.vcpuTune(t)),
      memorytunes: childrenNamed(el, "memorytune").map((t) => this.vcpuTune(t))
    };
  }
  vcpuTune(t) {
    const vcpus = this.cpuset(t, "vcpus");
    return { element: t, vcpus, monitors: childrenNamed(t, "monitor").map((m) => ({ element: m, vcpus: this.cpuset(m, "vcpus") })) };
  }
  sched(s) {
    const schedulerAttr = attribute(s, "scheduler");
    return { element: s, scheduler: schedulerAttr?.value, priority: this.uint(s, "priority"), schedulerAttr, priorityAttr: attribute(s, "priority") };
  }
  memtune(el) {
    if (!el) return void 0;
    return {
      element: el,
      hardLimit: this.memorySize(firstChild(el, "hard_limit")),
      softLimit: this.memorySize(firstChild(el, "soft_limit")),
      swapHardLimit: this.memorySize(firstChild(el, "swap_hard_limit")),
      minGuarantee: this.memorySize(firstChild(el, "min_guarantee"))
    };
  }
  numaMode(el) {
    const a = attribute(el, "mode");
    if (!a) return "strict";
    if (NUMA_MODES.has(a.value)) return a.value;
    this.problem(a.valueRange, `numatune mode '${excerpt(a.value)}' is not one of strict, preferred, interleave, restrictive`);
    return "strict";
  }
  numatune(el) {
    if (!el) return void 0;
    const mem = firstChild(el, "memory");
    const placementAttr = mem ? attribute(mem, "placement") : void 0;
    const placement = placementAttr?.value;
    return {
      element: el,
      memory: mem ? {
        element: mem,
        mode: this.numaMode(mem),
        placement: placement === "auto" || placement === "static" ? placement : void 0,
        placementAttr,
        nodeset: this.cpuset(mem, "nodeset")
      } : void 0,
      memnodes: childrenNamed(el, "memnode").map((m) => ({
        element: m,
        cellid: this.uint(m, "cellid"),
        cellidAttr: attribute(m, "cellid"),
        mode: this.numaMode(m),
        nodeset: this.cpuset(m, "nodeset")
      }))
    };
  }
  memoryBacking(el) {
    if (!el) return void 0;
    const hp = firstChild(el, "hugepages");
    const source = firstChild(el, "source");
    const access = firstChild(el, "access");
    const allocation = firstChild(el, "allocation");
    return {
      element: el,
      hugepages: hp ? { element: hp, pages: childrenNamed(hp, "page").map((p) => this.hugepage(p)) } : void 0,
      locked: firstChild(el, "locked"),
      nosharepages: firstChild(el, "nosharepages"),
      source: source ? { element: source, type: attribute(source, "type")?.value } : void 0,
      access: access ? { element: access, mode: attribute(access, "mode")?.value } : void 0,
      allocation: allocation ? { element: allocation, mode: attribute(allocation, "mode")?.value, threads: this.uint(allocation, "threads") } : void 0
    };
  }
  hugepage(p) {
    const size = attribute(p, "size");
    const unit = attribute(p, "unit");
    let sizeKiB;
    if (size) {
      const parsed = scaleToKiB(size.value, unit?.value);
      if (parsed.ok && parsed.value > 0) sizeKiB = parsed.value;
      else this.problem(size.valueRange, `hugepage size '${excerpt(size.value)}${unit ? ` ${excerpt(unit.value, 16)}` : ""}': ${parsed.ok ? "must be greater than 0" : parsed.error}`);
    }
    return { element: p, sizeKiB, decimalUnit: unit !== void 0 && isDecimalUnit(unit.value), sizeAttr: size, unitAttr: unit, nodeset: this.cpuset(p, "nodeset") };
  }
  cpu(el) {
    if (!el) return void 0;
    const topo = firstChild(el, "topology");
    return {
      element: el,
      mode: attribute(el, "mode")?.value,
      numa: firstChild(el, "numa"),
      topology: topo ? {
        element: topo,
        sockets: this.uint(topo, "sockets"),
        dies: this.uint(topo, "dies") ?? 1,
        clusters: this.uint(topo, "clusters") ?? 1,
        cores: this.uint(topo, "cores"),
        threads: this.uint(topo, "threads")
      } : void 0,
      cells: childrenNamed(firstChild(el, "numa"), "cell").map((c, i) => this.cell(c, i))
    };
  }
  cell(c, index) {
    const mem = attribute(c, "memory");
    const unit = attribute(c, "unit");
    let memoryKiB;
    if (mem) {
      const parsed = scaleToKiB(mem.value, unit?.value);
      if (parsed.ok) memoryKiB = parsed.value;
      else this.problem(mem.valueRange, `cell memory '${excerpt(mem.value)}': ${parsed.error}`);
    }
    const idAttr = attribute(c, "id");
    return { element: c, id: idAttr ? this.uint(c, "id") : index, idAttr, index, cpus: this.cpuset(c, "cpus"), memoryKiB, memoryAttr: mem, unitAttr: unit };
  }
};
function hasValueProblem(d, range) {
  if (!range) return false;
  return d.problems.some((p) => p.ruleId === "value-invalid" && p.range.start >= range.start && p.range.end <= range.end);
}

// src/engine/directives.ts
var DIRECTIVE = /^\s*kvmlint-(disable-next-line|disable-file|disable|enable)(?=\s|:|$)([^:]*)(?::([\s\S]*))?$/;
function parseDirectives(doc) {
  const out = [];
  let elements;
  for (const comment of doc.comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const rules4 = m[2].split(/[\s,]+/).filter(Boolean);
    const kind = m[1];
    let target;
    if (kind === "disable-next-line" && doc.root) {
      elements ??= elementsInOrder(doc.root);
      target = firstStartingAtOrAfter(elements, comment.range.end)?.startTag;
    }
    out.push({ kind, rules: rules4.length > 0 ? rules4 : void 0, reason: m[3]?.trim() || void 0, comment, target });
  }
  return out;
}
function firstStartingAtOrAfter(elements, offset) {
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (elements[mid].startTag.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return elements[lo];
}
function elementsInOrder(root) {
  const out = [];
  const stack = [root];
  while (stack.length > 0) {
    const e = stack.pop();
    out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
  return out;
}
var names2 = (d, rule) => d.rules === void 0 || d.rules.includes(rule);
function suppressors(diagnostics, directives) {
  const out = new Array(diagnostics.length);
  const fileWide = [];
  const nextLine = [];
  directives.forEach((d, index) => {
    if (d.kind === "disable-file") fileWide.push({ d, index });
    else if (d.kind === "disable-next-line" && d.target) nextLine.push({ d, index });
  });
  const fileWideAll = fileWide.find((f) => f.d.rules === void 0);
  const fileWideByRule = /* @__PURE__ */ new Map();
  for (const f of fileWide) for (const r of f.d.rules ?? []) if (!fileWideByRule.has(r)) fileWideByRule.set(r, f);
  nextLine.sort((a, b) => a.d.target.start - b.d.target.start || a.index - b.index);
  const regions2 = directives.filter((d) => d.kind === "disable" || d.kind === "enable");
  const order = diagnostics.map((_, i) => i).sort((a, b) => diagnostics[a].range.start - diagnostics[b].range.start);
  let lastAll;
  const lastByRule = /* @__PURE__ */ new Map();
  let applied = 0;
  for (const i of order) {
    const diag = diagnostics[i];
    const at = diag.range.start;
    const rule = diag.ruleId;
    while (applied < regions2.length && regions2[applied].comment.range.end <= at) {
      const d = regions2[applied];
      const entry = { d, seq: applied++ };
      if (d.rules === void 0) lastAll = entry;
      else for (const r of d.rules) lastByRule.set(r, entry);
    }
    const fileAll = fileWideAll;
    const fileRule = fileWideByRule.get(rule);
    let best = !fileAll ? fileRule : !fileRule ? fileAll : fileRule.index < fileAll.index ? fileRule : fileAll;
    let lo = 0;
    let hi = nextLine.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (nextLine[mid].d.target.start <= at) lo = mid + 1;
      else hi = mid;
    }
    const tagStart = lo > 0 ? nextLine[lo - 1].d.target.start : void 0;
    for (let k = lo - 1; k >= 0 && nextLine[k].d.target.start === tagStart; k--) {
      const n = nextLine[k];
      if (at < n.d.target.end && names2(n.d, rule) && (!best || n.index < best.index)) best = n;
    }
    if (best) {
      out[i] = best.d;
      continue;
    }
    const byRule = lastByRule.get(rule);
    const current = !lastAll ? byRule : !byRule ? lastAll : byRule.seq > lastAll.seq ? byRule : lastAll;
    out[i] = current?.d.kind === "disable" ? current.d : void 0;
  }
  return out;
}
function applyDirectives(diagnostics, directives) {
  if (directives.length === 0) return { kept: [...diagnostics], unused: [] };
  const used = /* @__PURE__ */ new Map();
  const kept = [];
  const by = suppressors(diagnostics, directives);
  diagnostics.forEach((diag, i) => {
    const suppressedBy = diag.ruleId === "xml-malformed" ? void 0 : by[i];
    if (!suppressedBy) {
      kept.push(diag);
      return;
    }
    let set = used.get(suppressedBy);
    if (!set) used.set(suppressedBy, set = /* @__PURE__ */ new Set());
    set.add(diag.ruleId);
  });
  const unused = [];
  for (const d of directives) {
    if (d.kind === "enable") continue;
    const hit = used.get(d);
    if (!hit) unused.push({ directive: d, rules: d.rules });
    else if (d.rules) {
      const idle = d.rules.filter((r) => !hit.has(r));
      if (idle.length > 0) unused.push({ directive: d, rules: idle });
    }
  }
  return { kept, unused };
}

// src/engine/metadata-suppressions.ts
var SUPPRESS_XMLNS = "https://github.com/kvmlint/kvmlint/xmlns/suppress/1";
var localName = (name) => name.slice(name.indexOf(":") + 1);
var prefixOf = (name) => name.includes(":") ? name.slice(0, name.indexOf(":")) : "";
function namespaceOf(el) {
  const attr = prefixOf(el.name) ? `xmlns:${prefixOf(el.name)}` : "xmlns";
  for (let e = el; e; e = e.parent) {
    const uri = e.attributeValues[attr];
    if (uri !== void 0) return uri;
  }
  return void 0;
}
function parseMetadataSuppressions(root) {
  const out = [];
  for (const metadata of root?.children ?? []) {
    if (metadata.name !== "metadata") continue;
    for (const container of metadata.children) {
      if (localName(container.name) !== "suppress" || namespaceOf(container) !== SUPPRESS_XMLNS) continue;
      for (const entry of container.children) {
        if (localName(entry.name) !== "disable" || namespaceOf(entry) !== SUPPRESS_XMLNS) continue;
        const v = entry.attributeValues;
        const rules4 = (v.rules ?? "").split(/[\s,]+/).filter(Boolean);
        const element = v.element?.trim() || void 0;
        out.push({
          rules: rules4.length > 0 ? rules4 : void 0,
          reason: v.reason?.trim() || void 0,
          element,
          targets: element === void 0 ? void 0 : selectElements(root, element).map((e) => e.range),
          range: entry.startTag
        });
      }
    }
  }
  return out;
}
function selectElements(root, path3) {
  const steps = path3.trim().replace(/^\/?domain(?=\/|$)/, "").replace(/^\//, "").split("/");
  if (steps.some((step) => step.trim() === "")) return [];
  let current = [root];
  for (const step of steps) {
    const m = /^([A-Za-z_][\w.:-]*)((?:\[[^\]]*\])*)$/.exec(step.trim());
    if (!m) return [];
    const predicates = [...m[2].matchAll(/\[([^\]]*)\]/g)].map((p) => p[1].trim());
    const next = [];
    for (const parent of current) {
      let list = parent.children.filter((c) => c.name === m[1]);
      for (const p of predicates) {
        if (/^\d+$/.test(p)) {
          const el = list[Number(p) - 1];
          list = el ? [el] : [];
          continue;
        }
        const a = /^@([\w.:-]+)\s*=\s*(['"])(.*)\2$/.exec(p);
        list = a ? list.filter((el) => el.attributeValues[a[1]] === a[3]) : [];
      }
      next.push(...list);
    }
    current = next;
  }
  return current;
}
var covers = (s, d) => (s.rules === void 0 || s.rules.includes(d.ruleId)) && (s.targets === void 0 || s.targets.some((t) => d.range.start >= t.start && d.range.start < t.end));
function applyMetadataSuppressions(diagnostics, suppressions) {
  if (suppressions.length === 0) return { kept: [...diagnostics], unused: [] };
  const used = /* @__PURE__ */ new Map();
  const kept = [];
  for (const d of diagnostics) {
    const by = d.ruleId === "xml-malformed" ? void 0 : suppressions.find((s) => covers(s, d));
    if (!by) {
      kept.push(d);
      continue;
    }
    let set = used.get(by);
    if (!set) used.set(by, set = /* @__PURE__ */ new Set());
    set.add(d.ruleId);
  }
  const unused = [];
  for (const s of suppressions) {
    const hit = used.get(s);
    if (!hit) unused.push({ suppression: s, rules: s.rules });
    else if (s.rules) {
      const idle = s.rules.filter((r) => !hit.has(r));
      if (idle.length > 0) unused.push({ suppression: s, rules: idle });
    }
  }
  return { kept, unused };
}

// src/engine/messages.ts
var PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;
var MAX_PLACEHOLDER_VALUE = 200;
function boundedValue(value) {
  return typeof value === "string" && value.length > MAX_PLACEHOLDER_VALUE ? excerpt(value, MAX_PLACEHOLDER_VALUE) : value;
}
function boundedData(data) {
  let out;
  for (const [k, v] of Object.entries(data)) {
    const b = boundedValue(v);
    if (b !== v) (out ??= { ...data })[k] = b;
  }
  return out ?? data;
}
function interpolate(template, data, where) {
  return template.replace(PLACEHOLDER, (_, name) => {
    const value = data?.[name];
    if (value === void 0) throw new Error(`${where()}: no value for placeholder {{${name}}}`);
    return String(boundedValue(value));
  });
}
function renderReport(rule, d) {
  if (d.messageId === void 0) throw new Error(`rule ${rule.meta.id} reported without a messageId`);
  const spec = rule.meta.messages?.[d.messageId];
  if (!spec) throw new Error(`rule ${rule.meta.id} reported messageId '${d.messageId}', which its meta.messages does not declare`);
  const where = () => `rule ${rule.meta.id} message '${d.messageId}'`;
  const out = { messageId: d.messageId, message: interpolate(spec.message, d.data, where) };
  if (d.data && Object.keys(d.data).length > 0) out.data = boundedData(d.data);
  if (spec.help !== void 0) out.help = interpolate(spec.help, d.data, where);
  return out;
}

// src/engine/types.ts
function defineDomainRule(rule) {
  return { meta: { ...rule.meta, needs: "domain" }, checkDomain: rule.check };
}
function defineHostRule(rule) {
  return { meta: { ...rule.meta, needs: "host" }, checkDomain: rule.check };
}
function definePlanRule(rule) {
  return { meta: { ...rule.meta, needs: "plan" }, checkPlan: rule.check };
}

// rules/cpu-topology-mismatch/index.ts
var REQUIRED = ["sockets", "cores", "threads"];
var FACTORS = ["sockets", "dies", "clusters", "cores", "threads"];
var QEMU_TYPES = /* @__PURE__ */ new Set(["kvm", "qemu", "hvf"]);
var cpu_topology_mismatch_default = defineDomainRule({
  meta: {
    id: "cpu-topology-mismatch",
    name: "CpuTopologyMismatch",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A guest CPU <topology> whose sockets \xD7 dies \xD7 clusters \xD7 cores \xD7 threads differs from the <vcpu> count, or that lacks a required count.",
    tags: ["topology"],
    messages: {
      missingCount: {
        message: "<topology> has no {{missing}}: libvirt requires sockets, cores and threads and rejects the domain",
        help: "write all three (dies and clusters default to 1) so their product is the <vcpu> count"
      },
      zeroCount: {
        message: "<topology> {{name}}='0': libvirt rejects a topology count below 1 at define time",
        help: "give {{name}} a count of at least 1"
      },
      hotplugGranularity: {
        message: "<vcpu current='{{current}}'> is not a multiple of threads='{{threads}}': libvirt rejects it on ppc64 pseries",
        help: "use current='{{suggested}}' or another multiple of {{threads}}: pseries plugs vCPUs a whole core at a time"
      },
      productMismatch: {
        message: "<topology> {{factors}} = {{product}} vCPUs but {{vcpu}}: libvirt rejects the domain",
        help: "make the product equal the maximum vCPU count (<vcpu current> may stay lower)"
      }
    }
  },
  check({ domain, report }) {
    const topo = domain.cpu?.topology;
    if (!topo) return;
    const el = topo.element;
    const missing = REQUIRED.filter((n) => !attribute(el, n));
    if (missing.length > 0) {
      report({ range: el.startTag, messageId: "missingCount", data: { missing: missing.join(", ") } });
      return;
    }
    if (domain.problems.some((p) => p.range.start >= el.startTag.start && p.range.end <= el.startTag.end)) return;
    const values = [];
    for (const name of FACTORS) {
      const a = attribute(el, name);
      if (!a) continue;
      const v = topo[name];
      if (v === 0) {
        report({ range: a.valueRange, messageId: "zeroCount", data: { name } });
        return;
      }
      values.push([name, v]);
    }
    if (domain.type !== void 0 && !QEMU_TYPES.has(domain.type)) return;
    if (domain.vcpu && !domain.vcpu.maxKnown) return;
    const product = values.reduce((acc, [, v]) => acc * BigInt(v), 1n);
    const max = domain.maxVcpus;
    if (product === BigInt(max)) {
      const threads = topo.threads;
      const current = domain.vcpu?.current;
      const arch = domain.devices.osType()?.arch;
      if (arch?.startsWith("ppc64") && threads !== void 0 && threads > 1 && current !== void 0 && current < max && current % threads !== 0) {
        report({
          range: attribute(domain.vcpu.element, "current").valueRange,
          messageId: "hotplugGranularity",
          data: { current, threads, suggested: Math.max(threads, current - current % threads) }
        });
      }
      return;
    }
    const factors = values.map(([n, v]) => `${n} ${v}`).join(" \xD7 ");
    report({
      range: el.startTag,
      // qemu_validate.c qemuValidateDomainDefCpu: "CPU topology doesn't match maximum vcpu count".
      messageId: "productMismatch",
      // No <vcpu> at all is libvirt's default of one vCPU; say so rather than quote an element that is not there.
      data: { factors, product: String(product), vcpu: domain.vcpu ? `<vcpu> is ${max}` : `there is no <vcpu> (libvirt's default: ${max})` }
    });
  }
});

// src/engine/edit.ts
function lineEndingAt(text, offset) {
  const nl = text.indexOf("\n", offset);
  if (nl > 0 && text[nl - 1] === "\r") return "\r\n";
  if (nl >= 0) return "\n";
  return text.includes("\r\n") ? "\r\n" : "\n";
}
function indentOf(text, el) {
  const lineStart = Math.max(text.lastIndexOf("\n", el.startTag.start - 1), text.lastIndexOf("\r", el.startTag.start - 1)) + 1;
  const lead = text.slice(lineStart, el.startTag.start);
  return /^[ \t]*$/.test(lead) ? lead : "";
}
function indentUnit(text, el) {
  for (let e = el; e; e = e.parent) {
    const child2 = e.children[0];
    if (child2) {
      const outer = indentOf(text, e);
      const inner = indentOf(text, child2);
      if (inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
    }
  }
  return "  ";
}
function quoteNear(el) {
  const candidates = [...el.children, el, ...el.parent?.children ?? []];
  for (const c of candidates) {
    const a = c.attributes[0];
    if (a) return a.quote;
  }
  return "'";
}
function escapeAttribute(value, quote) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(quote === '"' ? /"/g : /'/g, quote === '"' ? "&quot;" : "&apos;");
}
function render(el, quote, indent, unit, eol) {
  const attrs = el.attributes.map(([k, v]) => ` ${k}=${quote}${escapeAttribute(v, quote)}${quote}`).join("");
  if (!el.children || el.children.length === 0) return `<${el.name}${attrs}/>`;
  const inner = el.children.map((c) => `${eol}${indent}${unit}${render(c, quote, indent + unit, unit, eol)}`).join("");
  return `<${el.name}${attrs}>${inner}${eol}${indent}</${el.name}>`;
}
function insertLastChild(text, parent, el) {
  const quote = quoteNear(parent);
  const eol = lineEndingAt(text, parent.startTag.start);
  const unit = indentUnit(text, parent);
  const last = parent.children[parent.children.length - 1];
  if (last) {
    const indent = indentOf(text, last);
    return { range: [last.range.end, last.range.end], text: `${eol}${indent}${render(el, quote, indent, unit, eol)}` };
  }
  const outer = indentOf(text, parent);
  const inner = `${eol}${outer}${unit}${render(el, quote, outer + unit, unit, eol)}${eol}${outer}`;
  if (parent.selfClosing) {
    const tag = text.slice(parent.startTag.start, parent.startTag.end).replace(/\s*\/>$/, ">");
    return { range: [parent.startTag.start, parent.startTag.end], text: `${tag}${inner}</${parent.name}>` };
  }
  return { range: [parent.startTag.end, parent.endTag.start], text: inner };
}
function insertAfter(text, sibling, el) {
  const indent = indentOf(text, sibling);
  const eol = lineEndingAt(text, sibling.startTag.start);
  return { range: [sibling.range.end, sibling.range.end], text: `${eol}${indent}${render(el, quoteNear(sibling), indent, indentUnit(text, sibling), eol)}` };
}
function insertChild(text, parent, el, after) {
  if (after) return insertAfter(text, after, el);
  const first = parent.children[0];
  if (!first) return insertLastChild(text, parent, el);
  const indent = indentOf(text, first);
  const eol = lineEndingAt(text, first.startTag.start);
  const rendered = render(el, quoteNear(parent), indent, indentUnit(text, parent), eol);
  const sep2 = indent === "" ? "" : `${eol}${indent}`;
  return { range: [first.startTag.start, first.startTag.start], text: `${rendered}${sep2}` };
}
function replaceAttributeValue(attr, value) {
  return { range: [attr.valueRange.start, attr.valueRange.end], text: escapeAttribute(value, attr.quote) };
}
function combineEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  let out = "";
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    const next = sorted[i + 1];
    if (next && next.range[0] < e.range[1]) throw new RangeError("combineEdits: edits overlap");
    out += e.text + (next ? text.slice(e.range[1], next.range[0]) : "");
  }
  return { range: [sorted[0].range[0], sorted[sorted.length - 1].range[1]], text: out };
}
function insertAttribute(text, el, name, value, after) {
  const quote = quoteNear(el);
  const at = after ? after.range.end : el.startTag.start + 1 + el.name.length;
  return { range: [at, at], text: ` ${name}=${quote}${escapeAttribute(value, quote)}${quote}` };
}
function setSize(text, valueRange, unitAttr, kib) {
  if (!unitAttr) return { range: [valueRange.start, valueRange.end], text: String(kib) };
  const inUnit = sizeInUnit(kib, unitAttr.value);
  if (inUnit !== void 0) return { range: [valueRange.start, valueRange.end], text: inUnit };
  return combineEdits(text, [
    { range: [unitAttr.valueRange.start, unitAttr.valueRange.end], text: "KiB" },
    { range: [valueRange.start, valueRange.end], text: String(kib) }
  ]);
}

// rules/cpuset-syntax/index.ts
var cpuset_syntax_default = defineDomainRule({
  meta: {
    id: "cpuset-syntax",
    name: "CpusetSyntax",
    severity: "error",
    severities: ["error", "info"],
    type: "problem",
    fixable: true,
    hasSuggestions: true,
    summary: "A cpuset or nodeset that libvirt would reject, a `^N` exclusion that does nothing, or a valid value written out of order.",
    tags: ["cpuset", "numa"],
    messages: {
      invalid: {
        message: "{{element}} {{attr}}='{{value}}': {{error}}",
        help: "libvirt rejects this at define time; write ascending N-M ranges, each ^N after the range it cuts"
      },
      idleExclusion: {
        message: "{{element}} {{attr}}='{{value}}': '^{{id}}' removes nothing, {{id}} is added by a later item",
        help: "libvirt applies items left to right: put '^{{id}}' after the range it should cut"
      },
      untidy: {
        message: "{{element}} {{attr}}='{{value}}' is valid but {{reason}}",
        help: "write '{{canonical}}', libvirt's reading and the form virsh dumpxml writes back"
      },
      excludeIntended: { message: "exclude {{ids}}, as was probably meant: {{attr}}='{{text}}'" },
      keepReading: { message: "keep libvirt's reading and drop the idle exclusion: {{attr}}='{{text}}'" }
    }
  },
  check({ domain, report }) {
    for (const p of domain.problems) {
      if (p.ruleId !== "cpuset-syntax" || !p.cpuset) continue;
      const c = p.cpuset;
      const where = { element: c.element, attr: c.attr, value: c.value };
      const r = p.rewrite;
      const fix = r?.fix !== void 0 ? replaceAttributeValue(r.attr, r.fix) : void 0;
      if (c.kind === "invalid") {
        report({ range: p.range, severity: p.severity, messageId: "invalid", data: { ...where, error: c.error } });
      } else if (c.kind === "untidy") {
        report({ range: p.range, severity: p.severity, messageId: "untidy", data: { ...where, reason: c.reason, canonical: c.canonical }, fix });
      } else {
        const suggestions = (r?.suggestions ?? []).map(
          (s) => s.kind === "intended" ? { messageId: "excludeIntended", data: { ids: c.ids, attr: c.attr, text: excerpt(s.text) }, fix: replaceAttributeValue(r.attr, s.text) } : { messageId: "keepReading", data: { attr: c.attr, text: excerpt(s.text) }, fix: replaceAttributeValue(r.attr, s.text) }
        );
        report({ range: p.range, severity: p.severity, messageId: "idleExclusion", data: { ...where, id: c.id }, fix, suggestions });
      }
    }
  }
});

// src/model/libvirt-version.ts
function parseLibvirtVersion(text) {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : void 0;
}
function libvirtAtLeast(version, since) {
  const v = version === void 0 ? void 0 : parseLibvirtVersion(version);
  const s = parseLibvirtVersion(since);
  if (!v) return void 0;
  for (let i = 0; i < 3; i++) if (v[i] !== s[i]) return v[i] > s[i];
  return true;
}
var DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE = "10.4.0";
var defaultThreadAffinity = memoPerHost((host) => {
  const isolated = host.isolationLayers.domain?.cpus.intersect(host.online);
  const differs = isolated !== void 0 && !isolated.isEmpty && !isolated.equals(host.online);
  if (!differs) return { cpus: host.online, excludesIsolated: false, assumed: false, isolated };
  const newer = libvirtAtLeast(host.libvirtVersion, DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE);
  if (newer === true) return { cpus: host.online.subtract(isolated), excludesIsolated: true, assumed: false, isolated };
  return { cpus: host.online, excludesIsolated: false, assumed: newer === void 0, isolated };
});

// src/model/affinity.ts
function isPinned(d) {
  return (d.cputune?.vcpupins.length ?? 0) > 0 || d.vcpu?.cpuset !== void 0;
}
function fromPin(source, element, cpuset) {
  return { source, cpus: cpuset?.set, element, attr: cpuset?.attr };
}
function inheritedAffinity(d, host) {
  const vcpu = d.vcpu;
  if (vcpu?.cpuset) return fromPin("vcpu-cpuset", vcpu.element, vcpu.cpuset);
  if (vcpu?.placement === "auto") return { source: "placement-auto", cpus: void 0, element: vcpu.element, attr: void 0 };
  return { source: "all-online", cpus: host ? defaultThreadAffinity(host).cpus : void 0, element: void 0, attr: void 0 };
}
function vcpupinFor(d, vcpu) {
  return d.cputune?.vcpupins.find((p) => p.vcpu === vcpu);
}
function effectiveVcpuAffinity(d, vcpu, host) {
  const pin = vcpupinFor(d, vcpu);
  return pin ? fromPin("vcpupin", pin.element, pin.cpuset) : inheritedAffinity(d, host);
}
function effectiveEmulatorAffinity(d, host) {
  const pin = d.cputune?.emulatorpin;
  return pin ? fromPin("emulatorpin", pin.element, pin.cpuset) : inheritedAffinity(d, host);
}
function effectiveIothreadAffinity(d, iothread, host) {
  const pin = d.cputune?.iothreadpins.find((p) => p.iothread === iothread);
  return pin ? fromPin("iothreadpin", pin.element, pin.cpuset) : inheritedAffinity(d, host);
}
var vcpuAffinityGroups = memoPerDomain(computeVcpuAffinityGroups);
function computeVcpuAffinityGroups(d, host) {
  const max = d.maxVcpus;
  const groups = [];
  const seen = /* @__PURE__ */ new Set();
  for (const pin of d.cputune?.vcpupins ?? []) {
    if (pin.vcpu === void 0 || pin.vcpu >= max || seen.has(pin.vcpu)) continue;
    seen.add(pin.vcpu);
    groups.push({ vcpus: CpuSet.of(pin.vcpu), affinity: fromPin("vcpupin", pin.element, pin.cpuset) });
  }
  const rest = CpuSet.range(0, max - 1).subtract(CpuSet.of(...seen)).subtract(d.offlineVcpus);
  if (!rest.isEmpty) groups.push({ vcpus: rest, affinity: inheritedAffinity(d, host) });
  return groups;
}
function offlineUnpinnedVcpus(d) {
  if (d.offlineVcpus.isEmpty) return CpuSet.empty;
  const pinned = CpuSet.of(...(d.cputune?.vcpupins ?? []).flatMap((p) => p.vcpu === void 0 ? [] : [p.vcpu]));
  return d.offlineVcpus.subtract(pinned);
}
function isDedicated(a) {
  return a.cpus !== void 0 && a.cpus.size === 1;
}
function housekeepingTargetFor(vcpuCpus, host) {
  const hk = host?.housekeeping;
  if (!host || !hk || hk.isEmpty) return void 0;
  const nodes = host.nodesOfCpus(vcpuCpus);
  const local = hk.intersect(host.cpusOfNodes(nodes));
  return local.isEmpty ? { cpus: hk, nodes: void 0 } : { cpus: local, nodes };
}

// src/model/threads.ts
var POLICIES = /* @__PURE__ */ new Set(["fifo", "rr", "batch", "idle", "other"]);
function isRealtimePolicy(p) {
  return p === "fifo" || p === "rr";
}
function policyOf(sched) {
  return sched?.scheduler !== void 0 && POLICIES.has(sched.scheduler) ? sched.scheduler : "other";
}
function splitBySched(ids, scheds, idsOf2) {
  const out = [];
  let rest = ids;
  for (const s of scheds) {
    const covered = idsOf2(s);
    if (!covered || rest.isEmpty) continue;
    const part = rest.intersect(covered);
    if (part.isEmpty) continue;
    out.push({ ids: part, sched: s });
    rest = rest.subtract(part);
  }
  if (!rest.isEmpty) out.push({ ids: rest, sched: void 0 });
  return out;
}
var domainThreads = memoPerDomain(computeThreads);
function computeThreads(d, host) {
  const out = [];
  const vcpusched = d.cputune?.vcpusched ?? [];
  for (const g of vcpuAffinityGroups(d, host)) {
    for (const part of splitBySched(g.vcpus, vcpusched, (s) => s.vcpus)) {
      out.push({ kind: "vcpu", ids: part.ids, affinity: g.affinity, policy: policyOf(part.sched), priority: part.sched?.priority, sched: part.sched });
    }
  }
  const emulatorsched = d.cputune?.emulatorsched;
  out.push({ kind: "emulator", ids: CpuSet.empty, affinity: effectiveEmulatorAffinity(d, host), policy: policyOf(emulatorsched), priority: emulatorsched?.priority, sched: emulatorsched });
  const iothreadsched = d.cputune?.iothreadsched ?? [];
  for (const id of d.iothreadIds) {
    const sched = iothreadsched.find((s) => s.iothreads?.has(id));
    out.push({ kind: "iothread", ids: CpuSet.of(id), affinity: effectiveIothreadAffinity(d, id, host), policy: policyOf(sched), priority: sched?.priority, sched });
  }
  return out;
}
var dedicatedVcpuCpus = memoPerDomain((d, host) => {
  const out = /* @__PURE__ */ new Map();
  for (const g of vcpuAffinityGroups(d, host)) {
    if (!isDedicated(g.affinity)) continue;
    const cpu = g.affinity.cpus.min;
    out.set(cpu, (out.get(cpu) ?? CpuSet.empty).union(g.vcpus));
  }
  return out;
});
var dedicatedCpuSet = memoPerDomain((d, host) => CpuSet.of(...dedicatedVcpuCpus(d, host).keys()));
function vcpusDedicatedWithin(d, cpus, host) {
  const dedicated = dedicatedVcpuCpus(d, host);
  const hit = cpus.intersect(dedicatedCpuSet(d, host));
  let out = CpuSet.empty;
  for (let k = 0; k < hit.intervalCount; k++) {
    for (let cpu = hit.intervalLo(k), hi = hit.intervalHi(k); cpu <= hi; cpu++) out = out.union(dedicated.get(cpu));
  }
  return out;
}
function describeThread(t) {
  if (t.kind === "emulator") return "the emulator";
  if (t.kind === "iothread") return `${t.ids.size === 1 ? "IOThread" : "IOThreads"} ${t.ids.toString()}`;
  return describeVcpus(t.ids);
}
function isRealtimeDomain(d) {
  const scheds = d.cputune?.vcpusched;
  if (!scheds || !scheds.some((s) => s.scheduler === "fifo" || s.scheduler === "rr")) return false;
  return domainThreads(d).some((t) => t.kind === "vcpu" && isRealtimePolicy(t.policy));
}
var vcpupinCpus = memoPerDomain(
  (d, host) => CpuSet.fromIntervals(vcpuAffinityGroups(d, host).flatMap((g) => g.affinity.source === "vcpupin" && g.affinity.cpus ? g.affinity.cpus.intervals() : []))
);
var INDEXED_WIDTH = 64;
var cpuThreadIndex = memoPerDomain((d, host) => {
  const index = { narrow: /* @__PURE__ */ new Map(), wide: [], everywhere: [], position: /* @__PURE__ */ new Map() };
  for (const t of domainThreads(d, host)) {
    index.position.set(t, index.position.size);
    const cpus = t.affinity.cpus;
    if (t.affinity.source === "all-online" && (!host || !cpus || cpus.equals(host.online))) index.everywhere.push(t);
    else if (!cpus) continue;
    else if (cpus.size > INDEXED_WIDTH) index.wide.push(t);
    else {
      for (let k = 0; k < cpus.intervalCount; k++) {
        for (let c = cpus.intervalLo(k), b = cpus.intervalHi(k); c <= b; c++) {
          const list = index.narrow.get(c);
          if (list) list.push(t);
          else index.narrow.set(c, [t]);
        }
      }
    }
  }
  return index;
});
function threadsOnCpu(d, cpu, host, opts = {}) {
  const index = cpuThreadIndex(d, host);
  const hits = new Set(index.narrow.get(cpu) ?? []);
  for (const t of index.wide) if (t.affinity.cpus.has(cpu)) hits.add(t);
  if (!opts.explicitOnly) for (const t of index.everywhere) hits.add(t);
  if (opts.except) hits.delete(opts.except);
  return [...hits].sort((a, b) => index.position.get(a) - index.position.get(b));
}
var realtimeVcpus = memoPerDomain((d, host) => {
  if (!d.cputune?.vcpusched.some((s) => s.scheduler === "fifo" || s.scheduler === "rr")) return CpuSet.empty;
  return CpuSet.fromIntervals(domainThreads(d, host).flatMap((t) => t.kind === "vcpu" && isRealtimePolicy(t.policy) ? t.ids.intervals() : []));
});

// src/model/plan-cpus.ts
function affinityUses(d, host) {
  return affinityUsesMemo(d, host);
}
var affinityUsesMemo = memoPerDomain((d, host) => computeAffinityUses(d, host));
function computeAffinityUses(d, host) {
  const byKey = /* @__PURE__ */ new Map();
  const domainSet = host.isolationLayers.domain?.cpus;
  for (const t of domainThreads(d, host)) {
    const a = t.affinity;
    if (a.cpus === void 0) continue;
    const explicit = a.source !== "all-online" && a.source !== "placement-auto";
    const key = a.attr ?? a.element ?? a.source;
    let use = byKey.get(key);
    if (!use) {
      const reach = explicit || domainSet === void 0 ? a.cpus : a.cpus.subtract(domainSet);
      byKey.set(key, { affinity: a, threads: [t], reach, explicit, range: a.attr?.valueRange ?? a.element?.startTag });
    } else use.threads.push(t);
  }
  return [...byKey.values()];
}
function describeUseThreads(use) {
  const names3 = use.threads.slice(0, 3).map(describeThread);
  if (use.threads.length > 3) names3.push(`${use.threads.length - 3} more thread groups`);
  return listNames(names3);
}
var SortedCpus = class {
  ids;
  constructor(ids) {
    this.ids = [...new Set(ids)].sort((a, b) => a - b);
  }
  get size() {
    return this.ids.length;
  }
  /** Calls `fn` for each id of this index inside `set`, in order: binary search per interval of `set`. */
  forEachIn(set, fn) {
    const ids = this.ids;
    if (ids.length === 0) return;
    for (let k = 0; k < set.intervalCount; k++) {
      const lo = set.intervalLo(k);
      const hi = set.intervalHi(k);
      if (hi < ids[0]) continue;
      if (lo > ids[ids.length - 1]) break;
      let a = 0;
      let b = ids.length;
      while (a < b) {
        const m = a + b >> 1;
        if (ids[m] < lo) a = m + 1;
        else b = m;
      }
      for (let i = a; i < ids.length && ids[i] <= hi; i++) fn(ids[i]);
    }
  }
};
function reachesCpu(uses, cpu) {
  return uses.some((u) => u.reach.has(cpu));
}
function siblingUseOwnedBySmtRule(otherGuestUses, dedicatedCpu) {
  return !reachesCpu(otherGuestUses, dedicatedCpu);
}

// rules/dedicated-cpu-conflict/index.ts
var dedicated_cpu_conflict_default = definePlanRule({
  meta: {
    id: "dedicated-cpu-conflict",
    name: "DedicatedCpuConflict",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A host CPU dedicated to one guest's vCPU can also run threads of another guest planned on the same host.",
    tags: ["pinning", "capacity", "latency"],
    messages: {
      sharedDedicated: {
        message: "CPU {{cpu}} is dedicated to {{count}} guests at once: {{owners}}",
        help: "a dedicated CPU must run its own vCPU and nothing else: give each guest CPUs no other guest uses"
      },
      reachesDedicated: {
        message: "{{threads}} can run on {{cpus}}{{unpinned}}, dedicated to {{owners}}",
        help: "pin these threads to CPUs no other guest has dedicated (a dedicated CPU must run its own vCPU and nothing else)"
      }
    }
  },
  check(ctx) {
    const host = ctx.host.model;
    const plan = ctx.domains.map((on) => ({ on, uses: affinityUses(on.domain, host) }));
    const owners = /* @__PURE__ */ new Map();
    for (const { on, uses } of plan) {
      for (const use of uses) {
        if (!use.explicit || !isDedicated(use.affinity)) continue;
        let vcpus = CpuSet.empty;
        for (const t of use.threads) if (t.kind === "vcpu") vcpus = vcpus.union(t.ids);
        if (vcpus.isEmpty) continue;
        const cpu = use.affinity.cpus.min;
        const list = owners.get(cpu);
        const owner = { on, use, vcpus };
        if (list) list.push(owner);
        else owners.set(cpu, [owner]);
      }
    }
    if (owners.size === 0) return;
    const dedicated = new SortedCpus(owners.keys());
    const housekeeping = host.housekeeping;
    const users = /* @__PURE__ */ new Map();
    const reaching = [];
    for (const { on, uses } of plan) {
      for (const use of uses) {
        const hasVcpus = use.threads.some((t) => t.kind === "vcpu");
        const dedicating = use.explicit && isDedicated(use.affinity) && hasVcpus;
        let mine;
        dedicated.forEachIn(use.reach, (cpu) => {
          if (!hasVcpus && housekeeping?.has(cpu)) return;
          const list = users.get(cpu);
          if (list) list.push({ on, use });
          else users.set(cpu, [{ on, use }]);
          if (dedicating) return;
          for (const owner of owners.get(cpu)) {
            if (owner.on === on) continue;
            if (!mine) reaching.push(mine = { on, use, cpus: [], others: /* @__PURE__ */ new Map() });
            if (mine.cpus[mine.cpus.length - 1] !== cpu) mine.cpus.push(cpu);
            const seen = mine.others.get(owner.on);
            if (seen === void 0) mine.others.set(owner.on, mine.others.size < 3 ? owner.vcpus : null);
            else if (seen !== null) mine.others.set(owner.on, seen.union(owner.vcpus));
          }
        });
      }
    }
    const where = (on, use) => use.range ?? fallbackRange(on);
    for (const [cpu, list] of [...owners].sort((a, b) => a[0] - b[0])) {
      const domains = new Set(list.map((o) => o.on));
      if (domains.size < 2) continue;
      const first = list[list.length - 1];
      const names3 = [...domains].slice(0, 3).map(guestName);
      const related = list.slice(0, -1).slice(0, 20).map((o) => ({ file: o.on.source, range: where(o.on, o.use), message: `${describeVcpus(o.vcpus)} of ${o.on.domain.name ?? o.on.source.path} pinned to CPU ${cpu} here` }));
      ctx.report(first.on, {
        range: where(first.on, first.use),
        messageId: "sharedDedicated",
        data: { cpu, count: domains.size, owners: listBounded(names3, domains.size, 3, domains.size === 4 ? "other guest" : "other guests") },
        related
      });
    }
    for (const r of reaching) {
      const names3 = [];
      for (const [d, vcpus] of r.others) {
        if (vcpus === null) break;
        names3.push(`${describeVcpus(vcpus)} of ${guestName(d)}`);
      }
      const related = [];
      for (const cpu of r.cpus.slice(0, 20)) {
        for (const o of owners.get(cpu) ?? []) if (o.on !== r.on) related.push({ file: o.on.source, range: where(o.on, o.use), message: `CPU ${cpu} dedicated to ${describeVcpus(o.vcpus)} of ${o.on.domain.name ?? o.on.source.path} here` });
      }
      ctx.report(r.on, {
        range: where(r.on, r.use),
        messageId: "reachesDedicated",
        data: {
          threads: describeUseThreads(r.use),
          cpus: describeCpus(CpuSet.of(...r.cpus)),
          unpinned: r.use.explicit ? "" : " (not pinned)",
          owners: listBounded(names3, r.others.size, 3, r.others.size === 4 ? "other guest" : "other guests")
        },
        related
      });
    }
  }
});
function fallbackRange(on) {
  const d = on.domain;
  return d.cputune?.element.startTag ?? d.vcpu?.element.startTag ?? d.element.startTag;
}
function guestName(on) {
  return excerpt(on.domain.name ?? on.source.path, 40);
}

// rules/duplicate-domain-identity/index.ts
function uuidKey(uuid) {
  return uuid.replace(/[-\s]/g, "").toLowerCase();
}
function child(on, name) {
  return on.source.doc.root?.children.find((c) => c.name === name);
}
function groupBy(domains, key) {
  const groups = /* @__PURE__ */ new Map();
  for (const on of domains) {
    const k = key(on);
    if (!k) continue;
    const list = groups.get(k);
    if (list) list.push(on);
    else groups.set(k, [on]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
var duplicate_domain_identity_default = definePlanRule({
  meta: {
    id: "duplicate-domain-identity",
    name: "DuplicateDomainIdentity",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "Two domains planned on one host have the same <name> or the same <uuid>, which libvirt takes for one domain.",
    tags: ["plan"],
    messages: {
      sameName: {
        message: "{{count}} domains on this host are named '{{name}}': libvirt refuses to define the second",
        help: "give each domain its own <name> (and its own <uuid>)"
      },
      copied: {
        message: "{{count}} domains on this host are named '{{name}}' with one <uuid>: the later define replaces the earlier",
        help: "give the copy its own <name> and a new <uuid> (uuidgen), or delete it"
      },
      sameUuid: {
        message: "{{count}} domains on this host share <uuid> {{uuid}}: libvirt refuses to define the second",
        help: "give each domain its own <uuid> (uuidgen), or leave it out for libvirt to generate one"
      }
    }
  },
  check({ domains, report }) {
    const sameIdentity = /* @__PURE__ */ new Set();
    for (const group of groupBy(domains, (on) => on.domain.name?.trim())) {
      const on = group.at(-1);
      const others = group.slice(0, -1);
      const uuid = on.domain.uuid !== void 0 ? uuidKey(on.domain.uuid) : void 0;
      const copied = uuid !== void 0 && others.every((o) => o.domain.uuid !== void 0 && uuidKey(o.domain.uuid) === uuid);
      if (copied) for (const o of group) sameIdentity.add(o);
      report(on, {
        range: child(on, "name").startTag,
        messageId: copied ? "copied" : "sameName",
        data: { count: group.length, name: on.domain.name.trim() },
        related: others.map((o) => ({ file: o.source, range: child(o, "name").startTag, message: `${o.source.path} defines '${o.domain.name.trim()}' too` }))
      });
    }
    for (const group of groupBy(domains, (on) => on.domain.uuid?.trim() ? uuidKey(on.domain.uuid) : void 0)) {
      if (group.every((o) => sameIdentity.has(o))) continue;
      const on = group.at(-1);
      report(on, {
        range: child(on, "uuid").startTag,
        messageId: "sameUuid",
        data: { count: group.length, uuid: on.domain.uuid.trim() },
        related: group.slice(0, -1).map((o) => ({ file: o.source, range: child(o, "uuid").startTag, message: `${o.domain.name ?? "a domain"} (${o.source.path}) has this <uuid> too` }))
      });
    }
  }
});

// src/model/libvirt-order.ts
var DOMAIN_CHILD_ORDER = [
  "name",
  "uuid",
  "genid",
  "title",
  "description",
  "metadata",
  "maxMemory",
  "memory",
  "currentMemory",
  "blkiotune",
  "memtune",
  "memoryBacking",
  "vcpu",
  "vcpus",
  "iothreads",
  "iothreadids",
  "defaultiothread",
  "cputune",
  "numatune",
  "resource",
  "sysinfo",
  "bootloader",
  "bootloader_args",
  "os",
  "idmap",
  "features",
  "cpu",
  "clock"
];
var CPUTUNE_CHILD_ORDER = [
  "shares",
  "period",
  "quota",
  "global_period",
  "global_quota",
  "emulator_period",
  "emulator_quota",
  "iothread_period",
  "iothread_quota",
  "vcpupin",
  "emulatorpin",
  "iothreadpin",
  "emulatorsched",
  "vcpusched",
  "iothreadsched",
  "cachetune",
  "memorytune"
];
var MEMORY_BACKING_CHILD_ORDER = ["hugepages", "nosharepages", "locked", "source", "access", "allocation", "discard"];
var FEATURES_CHILD_ORDER = [
  "acpi",
  "apic",
  "pae",
  "hap",
  "viridian",
  "privnet",
  "hyperv",
  "kvm",
  "pvspinlock",
  "capabilities",
  "pmu",
  "vmport",
  "gic",
  "smm",
  "ioapic",
  "hpt",
  "vmcoreinfo",
  "htm",
  "nested-hv",
  "msrs",
  "ccf-assist",
  "xen",
  "cfpc",
  "sbbc",
  "ibs",
  "tcg",
  "async-teardown",
  "ras",
  "ps2",
  "aia"
];
function formatterPredecessor(parent, name, order, sameNameFirst) {
  const rank = order.indexOf(name);
  let after;
  for (const c of parent.children) {
    const r = order.indexOf(c.name);
    if (r < 0) continue;
    if (r < rank || c.name === name && sameNameFirst?.(c)) after = c;
  }
  return after;
}

// rules/emulatorpin-overlaps-vcpus/index.ts
var emulatorpin_overlaps_vcpus_default = defineDomainRule({
  meta: {
    id: "emulatorpin-overlaps-vcpus",
    name: "EmulatorpinOverlapsVcpus",
    severity: "warning",
    severities: ["warning", "error"],
    type: "problem",
    fixable: true,
    hasSuggestions: true,
    summary: "QEMU's emulator threads may run on a host CPU that is dedicated to one of the guest's vCPUs.",
    tags: ["pinning", "latency", "realtime"],
    messages: {
      overlaps: {
        message: "{{via}} lets the emulator run on {{cpus}}, dedicated to {{vcpus}}: it preempts {{them}}",
        help: "{{advice}}"
      },
      realtimeVcpus: {
        message: "{{via}} lets the emulator run on {{cpus}}, dedicated to {{vcpus}}; realtime {{rt}} can starve it",
        help: "{{advice}}"
      },
      realtimeEmulator: {
        message: "{{via}} lets the {{policy}} emulator run on {{cpus}}, dedicated to {{vcpus}}: it can starve {{them}}",
        help: "{{advice}}"
      },
      dropDedicated: { message: "drop the dedicated CPUs from <emulatorpin>: cpuset='{{cpuset}}'" }
    }
  },
  check({ domain, host, source, report }) {
    if (!isPinned(domain)) return;
    const model = host?.model;
    const emulator = effectiveEmulatorAffinity(domain, model);
    if (emulator.source !== "emulatorpin" && emulator.source !== "vcpu-cpuset" || !emulator.cpus || !emulator.attr) return;
    const allDedicated = dedicatedCpuSet(domain, model);
    const hitCpus = allDedicated.intersect(emulator.cpus);
    if (hitCpus.isEmpty) return;
    const hitVcpus = vcpusDedicatedWithin(domain, hitCpus, model);
    const rtVcpus = realtimeVcpus(domain, model).intersect(hitVcpus);
    const rtEmulator = domainThreads(domain, model).find((t) => t.kind === "emulator" && isRealtimePolicy(t.policy));
    const via = emulator.source === "emulatorpin" ? "<emulatorpin>" : "<vcpu cpuset> (no <emulatorpin>)";
    if (emulator.source === "vcpu-cpuset" && (domain.cputune?.vcpupins.length ?? 0) === 0 && rtVcpus.isEmpty && !rtEmulator) return;
    const target = housekeepingTargetFor(vcpupinCpus(domain, model), model);
    const targetCpus = target?.cpus.subtract(allDedicated);
    const fix = targetCpus && !targetCpus.isEmpty ? emulatorFix(source.text, domain, emulator, targetCpus) : void 0;
    const remainder = emulator.cpus.subtract(allDedicated);
    const suggestions = !fix && emulator.source === "emulatorpin" && !remainder.isEmpty ? [{ messageId: "dropDedicated", data: { cpuset: remainder.toString() }, fix: replaceAttributeValue(emulator.attr, remainder.toString()) }] : void 0;
    let advice2;
    if (targetCpus && !targetCpus.isEmpty) {
      const where = target.nodes ? `housekeeping ${describeCpus(targetCpus)} on host ${describeNodes(target.nodes)}` : `housekeeping ${describeCpus(targetCpus)}`;
      advice2 = `pin the emulator to ${where}: <emulatorpin cpuset='${targetCpus.toString()}'/>`;
    } else if (!remainder.isEmpty && emulator.source === "emulatorpin") {
      advice2 = `pin the emulator to CPUs no vCPU is dedicated to, e.g. ${describeCpus(remainder)} or the host's housekeeping CPUs`;
    } else {
      const what = emulator.source === "emulatorpin" ? "set <emulatorpin cpuset> to" : "add <emulatorpin cpuset='\u2026'/> naming";
      advice2 = `${what} the host's housekeeping CPUs, or one spare CPU kept for the emulator`;
    }
    const data = { cpus: describeCpus(hitCpus), via, vcpus: describeVcpus(hitVcpus), them: hitVcpus.size === 1 ? "that vCPU" : "those vCPUs", advice: advice2 };
    const common = { range: emulator.attr.valueRange, fix, suggestions };
    if (!rtVcpus.isEmpty) report({ ...common, severity: "error", messageId: "realtimeVcpus", data: { ...data, rt: describeVcpus(rtVcpus) } });
    else if (rtEmulator) report({ ...common, severity: "error", messageId: "realtimeEmulator", data: { ...data, policy: rtEmulator.policy } });
    else report({ ...common, messageId: "overlaps", data });
  }
});
function emulatorFix(text, domain, emulator, cpus) {
  if (emulator.source === "emulatorpin") return replaceAttributeValue(emulator.attr, cpus.toString());
  const cputune = domain.cputune?.element;
  if (!cputune) return void 0;
  return insertChild(text, cputune, { name: "emulatorpin", attributes: [["cpuset", cpus.toString()]] }, formatterPredecessor(cputune, "emulatorpin", CPUTUNE_CHILD_ORDER));
}

// src/model/host-nodes.ts
var hostNodeSets = memoPerHost((host) => ({
  all: CpuSet.of(...host.nodes.map((n) => n.id)),
  memoryless: CpuSet.of(...host.nodes.filter((n) => n.memTotalKiB === 0).map((n) => n.id)),
  withMemory: CpuSet.of(...host.nodes.filter((n) => n.memTotalKiB !== 0).map((n) => n.id)),
  withCpus: CpuSet.of(...host.nodes.filter((n) => n.cpus.intersects(host.online)).map((n) => n.id))
}));
function soleMemoryNode(host) {
  const nodes = hostNodeSets(host).withMemory;
  return nodes.size === 1 ? nodes.min : void 0;
}

// rules/guest-cell-spans-host-nodes/index.ts
var MAX_PIECES = 2;
var guest_cell_spans_host_nodes_default = defineHostRule({
  meta: {
    id: "guest-cell-spans-host-nodes",
    name: "GuestCellSpansHostNodes",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A guest NUMA cell whose vCPUs are pinned across several host nodes, or more guest cells with vCPUs than host nodes with CPUs.",
    tags: ["numa", "pinning", "topology"],
    messages: {
      moreCellsThanNodes: {
        message: "the guest has {{cells}} NUMA cells with vCPUs but the host has {{nodes}} with CPUs ({{hostNodes}}): some share a host node",
        help: "give the guest at most {{most}} with vCPUs, one per host node"
      },
      cellSpans: {
        message: "guest NUMA cell {{cell}} ({{vcpus}}) is pinned across host {{nodes}}: {{pieces}}",
        help: "pin cell {{cell}}'s vCPUs to CPUs of one host node and bind its memory there with <memnode>"
      }
    }
  },
  check({ domain, host, report }) {
    const cells = domain.cpu?.cells ?? [];
    if (cells.length === 0 || !domain.cpu?.numa) return;
    const h = host.model;
    const cpuCells = cells.filter((c) => c.cpus?.set && !c.cpus.set.isEmpty);
    const hostCpuNodes = hostNodeSets(h).withCpus;
    if (hostCpuNodes.size > 0 && cpuCells.length > hostCpuNodes.size) {
      const n = hostCpuNodes.size;
      report({
        range: domain.cpu.numa.startTag,
        messageId: "moreCellsThanNodes",
        data: { cells: cpuCells.length, nodes: `${n} node${n === 1 ? "" : "s"}`, hostNodes: hostCpuNodes.toString(), most: `${n} cell${n === 1 ? "" : "s"}` }
      });
    }
    if (cpuCells.length < 2 || domain.vcpu?.placement === "auto") return;
    const pinned = vcpuAffinityGroups(domain, h).filter(
      (g) => (g.affinity.source === "vcpupin" || g.affinity.source === "vcpu-cpuset") && g.affinity.cpus !== void 0
    );
    if (pinned.length === 0) return;
    const nodesOfGroup = pinned.map((g) => h.nodesOfCpus(g.affinity.cpus));
    for (const cell of cpuCells) {
      const cellVcpus = cell.cpus.set;
      let nodes = CpuSet.empty;
      const pieces = [];
      const lo = cellVcpus.min;
      const hi = cellVcpus.max;
      pinned.forEach((g, i) => {
        if (g.vcpus.max < lo || g.vcpus.min > hi) return;
        const vcpus = g.vcpus.intersect(cellVcpus);
        if (vcpus.isEmpty || nodesOfGroup[i].isEmpty) return;
        nodes = nodes.union(nodesOfGroup[i]);
        pieces.push({ vcpus, cpus: g.affinity.cpus, nodes: nodesOfGroup[i] });
      });
      if (nodes.size < 2) continue;
      const merged = /* @__PURE__ */ new Map();
      for (const p of pieces) {
        const key = p.nodes.toString();
        const m = merged.get(key);
        if (m) {
          m.vcpus = m.vcpus.union(p.vcpus);
          m.cpus = m.cpus.union(p.cpus);
        } else merged.set(key, { ...p });
      }
      const list = [...merged.values()];
      const shown = list.slice(0, MAX_PIECES).map((p) => `${describeVcpus(p.vcpus)} on ${describeNodes(p.nodes)} (${describeCpus(p.cpus)})`).join(", ");
      const more = list.length > MAX_PIECES ? ` and ${list.length - MAX_PIECES} more` : "";
      report({
        range: cell.element.startTag,
        messageId: "cellSpans",
        data: { cell: cell.id ?? "?", vcpus: describeVcpus(cellVcpus), nodes: describeNodes(nodes), pieces: `${shown}${more}` }
      });
    }
  }
});

// rules/guest-numa-cell-invalid/index.ts
var MEM_ACCESS = /* @__PURE__ */ new Set(["shared", "private"]);
var DISCARD = /* @__PURE__ */ new Set(["yes", "no"]);
var MIN_DISTANCE = 10;
var MAX_DISTANCE = 255;
var guest_numa_cell_invalid_default = defineDomainRule({
  meta: {
    id: "guest-numa-cell-invalid",
    name: "GuestNumaCellInvalid",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A guest NUMA <cell> libvirt rejects (a distance to a cell that does not exist or out of 10-255, a memAccess or discard value it does not know), or a PCI controller on a cell the guest does not have.",
    tags: ["numa", "memory"],
    messages: {
      siblingMissing: {
        message: "cell {{cell}} gives a distance to sibling {{sibling}}, but the guest has only cell(s) {{cells}}: libvirt rejects this at define time",
        help: "give distances only to the cells {{cells}} the domain defines"
      },
      distanceRange: {
        message: "cell {{cell}}'s distance to sibling {{sibling}} is {{value}}: libvirt rejects this at define time (distances are 10-255)",
        help: "use 10 for a cell to itself and 11-255 to other cells (20 is a typical remote distance)"
      },
      controllerNodeMissing: {
        message: "the {{model}} controller (index {{index}}) is on guest NUMA node {{node}}, but the guest has {{cells}}: libvirt rejects this at define time",
        help: "{{advice}}"
      },
      badValue: {
        message: "cell {{cell}} has {{attr}}='{{value}}', which libvirt does not know: it rejects this at define time",
        help: "use {{allowed}}, or leave the attribute out"
      }
    }
  },
  check({ domain, source, report }) {
    const cells = domain.cpu?.cells ?? [];
    const controllers = source.text.includes("<node>") ? domain.devices.pciControllerNodes() : [];
    for (const c of controllers) {
      if (c.node === void 0 || c.node < cells.length) continue;
      report({
        range: c.nodeElement.contentRange,
        messageId: "controllerNodeMissing",
        data: {
          model: excerpt(c.model ?? "pci"),
          index: excerpt(c.index ?? "?"),
          node: c.node,
          cells: cells.length === 0 ? "no NUMA cells" : cells.length === 1 ? "only cell 0" : `only cells 0-${cells.length - 1}`,
          advice: cells.length === 0 ? "define the guest NUMA cells under <cpu><numa>, or remove <node> from the controller's <target>" : `name one of the guest's cells (0-${cells.length - 1}) in <target><node>, or add the cell under <cpu><numa>`
        }
      });
    }
    if (cells.length === 0) return;
    const last = cells.length - 1;
    for (const c of cells) {
      const cell = c.id ?? c.index;
      for (const [name, allowed] of [
        ["memAccess", MEM_ACCESS],
        ["discard", DISCARD]
      ]) {
        const a = attribute(c.element, name);
        if (a && !allowed.has(a.value)) {
          report({ range: a.valueRange, messageId: "badValue", data: { cell, attr: name, value: excerpt(a.value), allowed: [...allowed].map((v) => `'${v}'`).join(" or ") } });
        }
      }
      for (const s of childrenNamed(firstChild(c.element, "distances"), "sibling")) {
        const idAttr = attribute(s, "id");
        const valueAttr = attribute(s, "value");
        const sibling = idAttr && /^\d+$/.test(idAttr.value.trim()) ? Number(idAttr.value) : void 0;
        if (sibling !== void 0 && sibling > last) {
          report({ range: idAttr.valueRange, messageId: "siblingMissing", data: { cell, sibling, cells: last === 0 ? "0" : `0-${last}` } });
          continue;
        }
        const value = valueAttr && /^\d+$/.test(valueAttr.value.trim()) ? Number(valueAttr.value) : void 0;
        if (value !== void 0 && sibling !== void 0 && (value < MIN_DISTANCE || value > MAX_DISTANCE)) {
          report({ range: valueAttr.valueRange, messageId: "distanceRange", data: { cell, sibling, value } });
        }
      }
    }
  }
});

// src/model/guest-numa.ts
function guestNumaLayout(d) {
  const cells = d.cpu?.cells ?? [];
  if (cells.length === 0) return void 0;
  return layoutOf(d);
}
var layoutOf = memoPerDomain((d) => computeLayout(d, d.cpu.cells));
function computeLayout(d, cells) {
  const max = d.maxVcpus;
  const all = CpuSet.range(0, max - 1);
  const layout = { cells, badIds: [], overlaps: [], beyondMax: [], named: CpuSet.empty, unnamed: CpuSet.empty, complete: true };
  const seenIds = /* @__PURE__ */ new Set();
  let named2 = CpuSet.empty;
  for (const cell of cells) {
    if (cell.id === void 0) layout.complete = false;
    else if (cell.id >= cells.length) layout.badIds.push({ cell, id: cell.id, kind: "beyond" });
    else if (seenIds.has(cell.id)) layout.badIds.push({ cell, id: cell.id, kind: "duplicate" });
    else seenIds.add(cell.id);
    if (!cell.cpus) continue;
    const set = cell.cpus.set;
    if (!set) {
      layout.complete = false;
      continue;
    }
    const beyond = set.subtract(all);
    if (!beyond.isEmpty) layout.beyondMax.push({ cell, vcpus: beyond });
    if (named2.intersects(set)) {
      const other = cells.find((c) => c !== cell && c.cpus?.set?.intersects(set));
      layout.overlaps.push({ cell, other, vcpus: set.intersect(other.cpus.set) });
    }
    named2 = named2.union(set);
  }
  layout.named = named2;
  layout.unnamed = all.subtract(named2);
  return layout;
}
function guestCellById(d, id) {
  return d.cpu?.cells.find((c) => c.id === id);
}
function numaMemoryTotal(d) {
  const cells = d.cpu?.cells ?? [];
  if (cells.length === 0) return void 0;
  let cellsKiB = 0;
  for (const c of cells) {
    if (c.memoryKiB === void 0) return void 0;
    cellsKiB += c.memoryKiB;
  }
  const devices = memoryDevicesKiB(d, true);
  if (devices === void 0) return void 0;
  const kib = cellsKiB + devices.kib;
  return Number.isSafeInteger(kib) ? { kib, cellsKiB, devicesKiB: devices.kib, deviceCount: devices.count } : void 0;
}
var PPC64_MEM_MODULE_ALIGN_KIB = 256 * 1024;
function memoryDevicesKiB(d, asDefined = false) {
  let kib = 0;
  const devices = d.devices.memoryDevices();
  const ppc64 = asDefined && devices.length > 0 && (d.devices.osType()?.arch ?? "").startsWith("ppc64");
  for (const m of devices) {
    if (m.sizeKiB === void 0) return void 0;
    let size = Math.ceil(m.sizeKiB);
    if (ppc64 && m.model === "nvdimm") {
      const label = Math.ceil(m.labelKiB ?? 0);
      const guestArea = size - label;
      if (guestArea < PPC64_MEM_MODULE_ALIGN_KIB) return void 0;
      size = Math.floor(guestArea / PPC64_MEM_MODULE_ALIGN_KIB) * PPC64_MEM_MODULE_ALIGN_KIB + label;
    } else if (ppc64) {
      size = Math.ceil(size / PPC64_MEM_MODULE_ALIGN_KIB) * PPC64_MEM_MODULE_ALIGN_KIB;
    }
    kib += asDefined ? size : m.sizeKiB;
  }
  return { kib, count: devices.length };
}

// rules/guest-numa-coverage/index.ts
var guest_numa_coverage_default = defineDomainRule({
  meta: {
    id: "guest-numa-coverage",
    name: "GuestNumaCoverage",
    severity: "error",
    severities: ["error", "warning"],
    type: "problem",
    fixable: true,
    hasSuggestions: false,
    summary: "Guest NUMA cells with bad ids, shared or nonexistent vCPUs (error), or vCPUs left out of every cell, which libvirt moves to cell 0 (warning).",
    tags: ["numa", "topology"],
    messages: {
      idBeyond: {
        message: "guest cell id {{id}} but there {{cells}}: libvirt rejects this at define time (ids {{span}}, each once)",
        help: "number the cells {{span}}"
      },
      idTwice: {
        message: 'guest cell id {{id}} is used twice{{implicit}}: libvirt rejects this ("Duplicate NUMA cell info")',
        help: "number the cells {{span}}"
      },
      beyondMax: {
        message: 'guest cell {{cell}} names {{vcpus}} but <vcpu> is {{max}}: libvirt rejects this ("CPU IDs in <numa> exceed the <vcpu> count")',
        help: "name only vCPUs {{valid}} in the cells, or raise <vcpu>"
      },
      overlap: {
        message: 'guest cells {{a}} and {{b}} both name {{vcpus}}: libvirt rejects this ("NUMA cells \u2026 have overlapping vCPU ids")',
        help: "put each vCPU in one cell"
      },
      unnamed: {
        message: "{{vcpus}} {{are}} in no guest NUMA cell: libvirt's QEMU driver adds {{them}} to cell 0 (cpus='{{cpus}}')",
        help: "name every vCPU in a cell (QEMU calls partial mappings obsolete)"
      }
    }
  },
  check({ domain, source, report }) {
    const layout = guestNumaLayout(domain);
    if (!layout) return;
    const n = layout.cells.length;
    const span = n === 1 ? "0" : `0-${n - 1}`;
    for (const { cell, id, kind } of layout.badIds) {
      const range = cell.idAttr?.valueRange ?? cell.element.startTag;
      if (kind === "beyond") report({ range, messageId: "idBeyond", data: { id, cells: n === 1 ? "is 1 cell" : `are ${n} cells`, span } });
      else report({ range, messageId: "idTwice", data: { id, implicit: cell.idAttr ? "" : " (a cell without id takes its position)", span } });
    }
    const maxKnown = domain.vcpu ? domain.vcpu.maxKnown : true;
    const max = domain.maxVcpus;
    if (maxKnown) {
      for (const { cell, vcpus } of layout.beyondMax) {
        report({
          range: cell.cpus.attr.valueRange,
          messageId: "beyondMax",
          data: { cell: cell.id ?? cell.index, vcpus: describeVcpus(vcpus), max, valid: max === 1 ? "0" : `0-${max - 1}` }
        });
      }
    }
    for (const { cell, other, vcpus } of layout.overlaps) {
      report({
        range: cell.cpus.attr.valueRange,
        messageId: "overlap",
        data: { a: other.id ?? other.index, b: cell.id ?? cell.index, vcpus: describeVcpus(vcpus) }
      });
    }
    if (!layout.complete || !maxKnown || layout.badIds.length > 0 || layout.beyondMax.length > 0 || layout.overlaps.length > 0) return;
    const unnamed = layout.unnamed;
    if (unnamed.isEmpty) return;
    const cell0 = guestCellById(domain, 0);
    if (!cell0) return;
    const own = cell0.cpus?.set;
    const filled = (own ?? unnamed).union(unnamed);
    const text = formatLibvirtCpuset(filled);
    report({
      range: cell0.cpus?.attr.valueRange ?? cell0.element.startTag,
      severity: "warning",
      // qemu_domain.c qemuDomainDefNumaCPUsRectify \u2192 virDomainNumaFillCPUsInNode(numa, 0, maxvcpus).
      messageId: "unnamed",
      data: { vcpus: describeVcpus(unnamed), are: unnamed.size === 1 ? "is" : "are", them: unnamed.size === 1 ? "it" : "them", cpus: text },
      // One right answer: write down what libvirt does anyway.
      fix: cell0.cpus ? replaceAttributeValue(cell0.cpus.attr, text) : insertAttribute(source.text, cell0.element, "cpus", text, cell0.idAttr)
    });
  }
});

// rules/guest-numa-memory-sum/index.ts
var guest_numa_memory_sum_default = defineDomainRule({
  meta: {
    id: "guest-numa-memory-sum",
    name: "GuestNumaMemorySum",
    severity: "warning",
    type: "problem",
    fixable: true,
    hasSuggestions: false,
    summary: "With guest NUMA cells, <memory> differs from the cells' memory plus memory devices, the total libvirt replaces it with.",
    tags: ["numa", "memory"],
    messages: {
      differs: {
        message: "<memory> is {{memory}}, not the NUMA cells' {{cells}}{{devices}}: libvirt sets it to {{total}} on define",
        help: "set <memory> to {{total}}, or resize the cells if {{memory}} was meant"
      }
    }
  },
  check({ domain, source, report }) {
    const memory = domain.memory;
    if (!memory || (domain.cpu?.cells.length ?? 0) === 0) return;
    const total = numaMemoryTotal(domain);
    if (!total || total.kib === memory.kib || total.cellsKiB === 0) return;
    const devices = total.deviceCount > 0 ? ` + ${formatKiB(total.devicesKiB)} of devices` : "";
    report({
      range: memory.range,
      messageId: "differs",
      data: { memory: formatKiB(memory.kib), cells: formatKiB(total.cellsKiB), devices, total: formatKiB(total.kib) },
      // domain_postparse.c virDomainDefPostParseMemory computes exactly this total: one right answer.
      fix: setSize(source.text, memory.range, attribute(memory.element, "unit"), total.kib)
    });
  }
});

// src/model/root-cause.ts
function pinTargetsOnline(host, cpus) {
  for (const cpu of cpus) if (!host.online.has(cpu)) return false;
  return true;
}
function onHousekeeping(host, cpu) {
  return host.housekeeping?.has(cpu) ?? false;
}

// rules/guest-smt-topology-mismatch/index.ts
var guest_smt_topology_mismatch_default = defineHostRule({
  meta: {
    id: "guest-smt-topology-mismatch",
    name: "GuestSmtTopologyMismatch",
    severity: "warning",
    severities: ["warning", "info"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "The guest's SMT topology (threads per core) does not match how its vCPUs are pinned to the host's SMT siblings.",
    tags: ["pinning", "smt", "topology"],
    messages: {
      noTopology: { message: "the snapshot has no SMT topology (thread siblings): guest-smt-topology-mismatch is not checked" },
      notSiblings: {
        message: "<topology threads='{{threads}}'>, but vCPUs {{vcpus}} are pinned to CPUs {{cpus}}, not SMT siblings of one host core{{more}}",
        help: "pin each guest core's vCPUs to one host core's thread siblings ({{core}}), or declare threads='1'"
      },
      siblingsAsCores: {
        message: "vCPUs {{a}} and {{b}} are on SMT siblings (CPUs {{cpuA}} and {{cpuB}}) but the guest sees separate cores ({{topology}}){{more}}",
        help: "declare <topology threads='2'> with each sibling pair on consecutive vCPUs, or pin the vCPUs to separate cores"
      }
    }
  },
  check({ domain, host, report, reportHostOnce }) {
    if (!isPinned(domain)) return;
    const model = host.model;
    const pinned = [];
    for (const g of vcpuAffinityGroups(domain, model)) {
      const a = g.affinity;
      if (a.source !== "vcpupin" || !isDedicated(a) || g.vcpus.size !== 1 || !a.element) continue;
      pinned.push({ vcpu: g.vcpus.min, cpu: a.cpus.min, range: a.attr?.valueRange ?? a.element.startTag });
    }
    if (pinned.length < 2) return;
    const missingTopology = () => reportHostOnce("no-topology", { unchecked: true, messageId: "noTopology" });
    const threads = domain.cpu?.topology?.threads ?? 1;
    if (threads > 8) return;
    const byVcpu = new Map(pinned.map((p2) => [p2.vcpu, p2]));
    if (threads > 1) {
      const bad = [];
      const groups = new Set(pinned.map((p2) => Math.floor(p2.vcpu / threads)));
      for (const k of [...groups].sort((a, b) => a - b)) {
        const members = [];
        for (let v2 = k * threads; v2 < (k + 1) * threads; v2++) {
          const p2 = byVcpu.get(v2);
          if (p2) members.push(p2);
        }
        if (members.length !== threads || new Set(members.map((m) => m.cpu)).size !== threads) continue;
        if (!pinTargetsOnline(model, members.map((m) => m.cpu))) continue;
        const siblings = model.siblingsOf(members[0].cpu);
        if (siblings === void 0) return missingTopology();
        if (members.every((m) => siblings.has(m.cpu))) continue;
        bad.push({ first: members[0], cpus: members.map((m) => m.cpu), siblings });
      }
      if (bad.length === 0) return;
      const [first, ...rest2] = bad;
      const v = first.first.vcpu;
      report({
        range: first.first.range,
        messageId: "notSiblings",
        data: {
          threads,
          vcpus: `${v}-${v + threads - 1}`,
          cpus: first.cpus.join(","),
          more: rest2.length === 0 ? "" : ` (and ${rest2.length} more guest core${rest2.length === 1 ? "" : "s"})`,
          core: `CPU ${first.first.cpu}'s core: ${first.siblings.size === 1 ? "no SMT sibling" : first.siblings.toString()}`
        },
        related: rest2.map((b) => ({ range: b.first.range, message: `vCPUs ${b.first.vcpu}-${b.first.vcpu + threads - 1} on CPUs ${b.cpus.join(",")} here` }))
      });
      return;
    }
    if (model.smt !== true) return;
    const byCpu = new Map(pinned.map((p2) => [p2.cpu, p2]));
    const pairs = [];
    for (const p2 of pinned) {
      const siblings = model.siblingsOf(p2.cpu);
      if (siblings === void 0) return;
      if (siblings.size < 2 || siblings.size > 64) continue;
      for (const s of siblings.toArray(64)) {
        const q2 = byCpu.get(s);
        if (q2 && q2.cpu > p2.cpu) pairs.push([p2, q2]);
      }
    }
    if (pairs.length === 0) return;
    const [[p, q], ...rest] = pairs;
    report({
      range: p.range,
      severity: "info",
      messageId: "siblingsAsCores",
      data: {
        a: p.vcpu,
        b: q.vcpu,
        cpuA: p.cpu,
        cpuB: q.cpu,
        topology: domain.cpu?.topology ? "threads='1'" : "no <topology>",
        more: rest.length === 0 ? "" : `; ${rest.length} more pair${rest.length === 1 ? "" : "s"}`
      },
      related: rest.map(([a, b]) => ({ range: a.range, message: `vCPUs ${a.vcpu} and ${b.vcpu} on siblings CPUs ${a.cpu} and ${b.cpu} here` }))
    });
  }
});

// src/model/definition-reduce.ts
import { createRequire } from "node:module";
var REDUCED_ELEMENTS = ["memory", "vcpu", "cputune", "numatune", "memoryBacking", "cpu"];
var CPUSET_ATTRS = /* @__PURE__ */ new Set(["cpuset", "nodeset", "cpus", "vcpus", "iothreads"]);
var WRITTEN_DEFAULTS = /* @__PURE__ */ new Set(["vcpu@placement=static", "memory@mode=strict", "memnode@mode=strict", "cpu@migratable=on"]);
var IGNORED_ATTRS = /* @__PURE__ */ new Set(["cpu@check"]);
function kibText(value, unit) {
  const r = scaleToKiB(value.trim(), unit);
  return r.ok ? String(r.value) : value.trim();
}
function canonicalCpuset(value) {
  const r = parseLibvirtCpuset(value);
  return r.ok ? formatLibvirtCpuset(r.value) : value;
}
function canonical(el) {
  const values = el.attributeValues;
  const attrs = [];
  const sizeAttr = el.name === "page" ? "size" : el.name === "cell" ? "memory" : void 0;
  for (const [name, raw] of Object.entries(values)) {
    if (IGNORED_ATTRS.has(`${el.name}@${name}`) || WRITTEN_DEFAULTS.has(`${el.name}@${name}=${raw}`)) continue;
    if (name === "unit" && (sizeAttr !== void 0 || el.name === "memory")) continue;
    let value = raw;
    if (name === sizeAttr) value = kibText(raw, values.unit);
    else if (CPUSET_ATTRS.has(name)) value = canonicalCpuset(raw);
    attrs.push([name, value]);
  }
  attrs.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const head = `<${el.name}${attrs.map(([n, v]) => ` ${n}='${v}'`).join("")}`;
  let body = el.children.map(canonical).join("");
  const text = el.text.trim();
  if (text !== "") body = (el.name === "memory" && el.parent?.name === "domain" ? kibText(text, values.unit) : text) + body;
  return body === "" ? `${head}/>` : `${head}>${body}</${el.name}>`;
}
function reduceDefinition(domain) {
  const elements = {};
  for (const name of REDUCED_ELEMENTS) {
    const el = childrenNamed(domain, name)[0];
    if (el) elements[name] = canonical(el);
  }
  return { elements, digest: reducedDigest(elements) };
}
function reducedDigest(elements) {
  const h = createRequire(import.meta.url)("node:crypto").createHash("sha256");
  for (const name of REDUCED_ELEMENTS) h.update(`${name}\0${elements[name] ?? ""}\0`);
  return h.digest("hex");
}

// src/model/running.ts
function snapshotCpus(list) {
  const r = parseSnapshotCpuList(list, "kernel");
  return r.ok ? r.value : CpuSet.empty;
}
function matchByUuidThenName(items, d) {
  const uuid = d.uuid?.trim().toLowerCase();
  if (uuid) {
    const byUuid = items.find((i) => i.uuid?.toLowerCase() === uuid);
    if (byUuid) return byUuid;
  }
  const name = d.name?.trim();
  return name ? items.find((i) => i.name === name && (i.uuid === void 0 || uuid === void 0)) : void 0;
}
function hasRunningGuests(host) {
  return host.snapshot.running?.guests !== void 0;
}
function runningGuestOf(host, d) {
  return matchByUuidThenName(host.snapshot.running?.guests ?? [], d);
}
function hostDefinitionOf(host, d) {
  return matchByUuidThenName(host.snapshot.libvirt?.definitions ?? [], d);
}
function guestMatches(g, d) {
  return matchByUuidThenName([g], d) !== void 0;
}
function emulatorThreads(g) {
  return g.threads.filter((t) => t.role === "main" || t.role === "worker");
}

// rules/host-definition-drift/index.ts
var host_definition_drift_default = defineHostRule({
  meta: {
    id: "host-definition-drift",
    name: "HostDefinitionDrift",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "The host's persistent definition of this domain (/etc/libvirt/qemu) differs from this file in an element kvmlint checks.",
    tags: ["drift", "definition"],
    messages: {
      differs: {
        message: "the host's /etc/libvirt/qemu/{{file}} has a different <{{element}}>: edited on the host?",
        help: "redefine the domain from this file (virsh define), or bring the host change into the repository"
      },
      hostLacks: {
        message: "the host's /etc/libvirt/qemu/{{file}} has no <{{element}}>: removed on the host?",
        help: "redefine the domain from this file (virsh define), or bring the host change into the repository"
      },
      fileLacks: {
        message: "the host's /etc/libvirt/qemu/{{file}} has a <{{element}}> this file lacks: added on the host?",
        help: "redefine the domain from this file (virsh define), or bring the host change into the repository"
      }
    }
  },
  check({ domain, host, report }) {
    const def = hostDefinitionOf(host.model, domain);
    if (!def) return;
    const mine = reduceDefinition(domain.element);
    if (mine.digest === def.digest) return;
    for (const element of REDUCED_ELEMENTS) {
      if (mine.elements[element] === def.elements[element]) continue;
      const el = childrenNamed(domain.element, element)[0];
      const messageId = el === void 0 ? "fileLacks" : def.elements[element] === void 0 ? "hostLacks" : "differs";
      report({ range: (el ?? domain.element).startTag, messageId, data: { file: def.file, element } });
    }
  }
});

// src/model/sched.ts
var REALTIME = /* @__PURE__ */ new Set(["fifo", "rr"]);
function realtimeScheduler(d, vcpus) {
  const s = (d.cputune?.vcpusched ?? []).find((x) => x.scheduler !== void 0 && REALTIME.has(x.scheduler) && x.vcpus !== void 0 && x.vcpus.intersects(vcpus));
  return s?.scheduler;
}

// rules/housekeeping-overlap/index.ts
var housekeeping_overlap_default = defineHostRule({
  meta: {
    id: "housekeeping-overlap",
    name: "HousekeepingOverlap",
    severity: "warning",
    severities: ["warning", "error"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A pinned vCPU can run on the host's housekeeping CPUs, where IRQs, kernel threads and QEMU's own threads run.",
    tags: ["pinning", "isolation", "latency"],
    messages: {
      onHousekeeping: {
        message: "{{vcpus}} can run on housekeeping {{cpus}} (housekeeping set {{housekeeping}})",
        help: "pin them to isolated CPUs {{instead}}: housekeeping CPUs carry IRQs, kernel threads and QEMU's own threads"
      },
      realtimeOnHousekeeping: {
        message: "{{vcpus}} with scheduler='{{policy}}' can run on housekeeping {{cpus}} and starve the host's kernel threads there",
        help: "pin them to isolated CPUs {{instead}}"
      },
      noIsolation: {
        message: "{{why}}: housekeeping CPUs unknown, not checked",
        help: "capture the host with `kvmlint snapshot` or set `housekeeping` in the config"
      }
    }
  },
  check({ domain, host, report, reportHostOnce }) {
    if (!isPinned(domain)) return;
    const hk = host.model.housekeeping;
    if (!hk) {
      const why = host.model.missing.has("isolation") ? `a ${host.model.snapshot.source ?? "hand-written"} snapshot does not record the host's isolation` : "the host declares no isolation (isolcpus, nohz_full, tuned isolated_cores)";
      reportHostOnce("no-isolation", { unchecked: true, messageId: "noIsolation", data: { why } });
      return;
    }
    const hits = [];
    for (const { vcpus: vcpus2, affinity } of vcpuAffinityGroups(domain, host.model)) {
      if (affinity.source !== "vcpupin" && affinity.source !== "vcpu-cpuset" || !affinity.cpus || !affinity.element) continue;
      const hit = affinity.cpus.intersect(hk);
      if (hit.isEmpty) continue;
      hits.push({ vcpus: vcpus2, cpus: hit, pinned: affinity.cpus, range: affinity.attr?.range ?? affinity.element.startTag, realtime: realtimeScheduler(domain, vcpus2) });
    }
    if (hits.length === 0) return;
    let vcpus = CpuSet.empty;
    let cpus = CpuSet.empty;
    let pinned = CpuSet.empty;
    for (const h of hits) {
      vcpus = vcpus.union(h.vcpus);
      cpus = cpus.union(h.cpus);
      pinned = pinned.union(h.pinned);
    }
    const isolated = host.model.online.subtract(hk);
    const nodes = host.model.nodesOfCpus(pinned);
    const local = isolated.intersect(host.model.cpusOfNodes(nodes));
    const instead = local.isEmpty ? `(${isolated.isEmpty ? "none declared" : isolated.toString()})` : `of host ${describeNodes(nodes)} (${local.toString()})`;
    const realtime = hits.find((h) => h.realtime)?.realtime;
    const related = hits.slice(1).map((h) => ({ range: h.range, message: `${describeVcpus(h.vcpus)} on ${describeCpus(h.cpus)} here` }));
    const data = { vcpus: describeVcpus(vcpus), cpus: describeCpus(cpus), housekeeping: hk.toString(), instead };
    if (realtime) report({ range: hits[0].range, severity: "error", messageId: "realtimeOnHousekeeping", data: { ...data, policy: realtime }, related });
    else report({ range: hits[0].range, messageId: "onHousekeeping", data, related });
  }
});

// rules/hugepage-size-decimal-unit/index.ts
var hugepage_size_decimal_unit_default = defineDomainRule({
  meta: {
    id: "hugepage-size-decimal-unit",
    name: "HugepageSizeDecimalUnit",
    severity: "error",
    type: "problem",
    fixable: true,
    hasSuggestions: true,
    summary: "A hugepage size in a decimal unit (GB, MB, KB): size='1' unit='GB' is 976,563 KiB, which is no page size.",
    tags: ["hugepages", "units"],
    messages: {
      decimalUnit: {
        message: "page size='{{size}}' unit='{{unit}}' is {{kib}} ({{unit}} is a power of 1000), no page size: the domain fails to start",
        help: "write unit='{{binary}}' for {{meant}} pages"
      },
      notAPageSize: {
        message: "page size='{{size}}' unit='{{unit}}' is {{kib}} ({{unit}} is a power of 1000), no page size: the domain fails to start",
        help: "give the size of a real page (2048 KiB or 1 GiB on x86) in KiB, M or G"
      },
      useBinary: { message: "use unit='{{binary}}' ({{meant}}, not a power of two)" }
    }
  },
  check({ domain, report }) {
    for (const page of domain.memoryBacking?.hugepages?.pages ?? []) {
      if (!page.decimalUnit || !page.unitAttr || !page.sizeAttr || page.sizeKiB === void 0) continue;
      const unit = page.unitAttr.value;
      const binary = binaryCounterpart(unit);
      const meant = scaleToKiB(page.sizeAttr.value, binary);
      const meantKiB = meant.ok ? meant.value : void 0;
      const isPageSize = meantKiB !== void 0 && meantKiB >= 4 && (BigInt(meantKiB) & BigInt(meantKiB - 1)) === 0n;
      const change = replaceAttributeValue(page.unitAttr, binary);
      const at = { size: excerpt(page.sizeAttr.value, 16), unit: excerpt(unit, 8), kib: formatKiB(page.sizeKiB) };
      if (isPageSize) {
        report({ range: page.unitAttr.valueRange, messageId: "decimalUnit", data: { ...at, binary, meant: formatKiB(meantKiB) }, fix: change });
      } else {
        report({
          range: page.unitAttr.valueRange,
          messageId: "notAPageSize",
          data: at,
          suggestions: meantKiB === void 0 ? void 0 : [{ messageId: "useBinary", data: { binary, meant: formatKiB(meantKiB) }, fix: change }]
        });
      }
    }
  }
});

// src/model/hugepage-sizes.ts
var hostHugepageSizes = memoPerHost((host) => {
  const listed = host.snapshot.hugepages?.sizesKiB;
  const anyPool = host.nodes.some((n) => n.hugepages.length > 0);
  if (listed === void 0 && !anyPool) return void 0;
  const sizes = new Set(listed ?? []);
  for (const n of host.nodes) for (const p of n.hugepages) sizes.add(p.sizeKiB);
  if (host.defaultHugepageSizeKiB !== void 0) sizes.add(host.defaultHugepageSizeKiB);
  return sizes;
});
function hostHasHugepageSize(host, sizeKiB) {
  if (sizeKiB === host.pageSizeKiB) return true;
  return hostHugepageSizes(host)?.has(sizeKiB);
}
var X86_PAGE_SIZES = /* @__PURE__ */ new Set([4, 2048, 1048576]);
function archPageSizes(arch) {
  return arch === "x86_64" || arch === "i686" ? X86_PAGE_SIZES : void 0;
}

// rules/hugepage-size-unavailable/index.ts
var hugepage_size_unavailable_default = defineHostRule({
  meta: {
    id: "hugepage-size-unavailable",
    name: "HugepageSizeUnavailable",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A domain asks for a hugepage size the host has no pool of at all, so libvirt finds no hugetlbfs mount for it.",
    tags: ["hugepages", "memory", "host"],
    messages: {
      noSizes: { message: "the snapshot lists no hugepage sizes (its source cannot provide them): hugepage-size-unavailable is not checked" },
      noDefaultPool: {
        message: "<hugepages/> asks for the host's default hugepage size but the host has {{have}}: the guest does not start",
        help: "reserve hugepages on the host, or drop <hugepages/>"
      },
      noPool: {
        message: "<page> asks for {{size}} hugepages but the host has {{have}}: the guest does not start",
        help: "use one of the host's sizes, or boot the host with {{cmdline}} (if the CPU supports it) and reserve pages"
      }
    }
  },
  check({ domain, host, report, reportHostOnce }) {
    const hp = domain.memoryBacking?.hugepages;
    if (!hp) return;
    const h = host.model;
    const sizes = hostHugepageSizes(h);
    if (sizes === void 0) {
      reportHostOnce("no-sizes", { unchecked: true, messageId: "noSizes" });
      return;
    }
    const have = [...sizes].sort((a, b) => a - b);
    const haveText = have.length === 0 ? "no hugepage sizes at all" : `pools of ${have.map(formatKiB).join(", ")}`;
    const cmdline = (kib) => `hugepagesz=${kib % 1048576 === 0 ? `${kib / 1048576}G` : kib % 1024 === 0 ? `${kib / 1024}M` : `${kib}K`}`;
    if (hp.pages.length === 0) {
      if (have.length > 0) return;
      report({ range: hp.element.startTag, messageId: "noDefaultPool", data: { have: haveText } });
      return;
    }
    for (const page of hp.pages) {
      if (page.sizeKiB === void 0 || page.decimalUnit) continue;
      const archSizes = archPageSizes(domain.devices.osType()?.arch);
      if (archSizes && !archSizes.has(page.sizeKiB)) continue;
      if (hostHasHugepageSize(h, page.sizeKiB) !== false) continue;
      const size = attribute(page.element, "size");
      report({
        range: size?.valueRange ?? page.element.startTag,
        messageId: "noPool",
        data: { size: formatKiB(page.sizeKiB), have: haveText, cmdline: cmdline(page.sizeKiB) }
      });
    }
  }
});

// rules/hugepages-config-invalid/index.ts
var QEMU_TYPES2 = /* @__PURE__ */ new Set(["kvm", "qemu", "hvf"]);
var hugepages_config_invalid_default = defineDomainRule({
  meta: {
    id: "hugepages-config-invalid",
    name: "HugepagesConfigInvalid",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "<hugepages> that libvirt rejects: a page for a missing guest cell, overlapping or duplicate page sets, ondemand allocation or an anonymous memory source; or a page size the architecture lacks.",
    tags: ["hugepages", "memory"],
    messages: {
      noSize: {
        message: "<page> has no size: libvirt rejects it at define time",
        help: "give the page size, e.g. size='2048' unit='KiB' (an empty <hugepages/> means the host's default size)"
      },
      noSuchSize: {
        message: "<page> asks for {{size}} hugepages, a size {{arch}} CPUs do not have: the guest does not start",
        help: "use 2 MiB or 1 GiB pages (libvirt finds no hugetlbfs mount for any other size)"
      },
      secondGeneral: {
        message: 'a second <page> without nodeset: libvirt rejects this ("two master hugepages detected")',
        help: "give each further <page> the nodeset of guest cells it backs"
      },
      missingCell: {
        message: '<page nodeset> names guest cell {{cell}}{{of}} but the guest has {{cells}}: libvirt rejects this ("hugepages: node {{cell}} not found")',
        help: "name only cells the guest has"
      },
      noCells: {
        message: '<page nodeset> names guest cell {{cell}}{{of}} but the guest has no NUMA cells: libvirt rejects this ("hugepages: node {{cell}} not found")',
        help: "the nodeset names guest cells, not host nodes: drop it, or give the guest NUMA cells"
      },
      overlap: {
        message: 'two <page> elements both back guest {{cells}}: libvirt rejects this ("nodeset attribute of hugepages \u2026 intersect")',
        help: "give each guest cell one page size"
      },
      ondemand: {
        message: `libvirt rejects <allocation mode='ondemand'> with hugepages: "hugepages are not allowed with memory allocation ondemand"`,
        help: "drop <allocation> or use mode='immediate': libvirt preallocates hugepage-backed memory anyway"
      },
      anonymous: {
        message: `libvirt rejects <source type='anonymous'> with hugepages: "hugepages are not allowed with anonymous memory source"`,
        help: "use type='file' or 'memfd', or drop <source>: hugepages need a file or memfd backing"
      }
    }
  },
  check({ domain, report }) {
    const mb = domain.memoryBacking;
    const hp = mb?.hugepages;
    if (!mb || !hp) return;
    const cells = domain.cpu?.cells.length ?? 0;
    const cellIds = cells === 0 ? void 0 : CpuSet.range(0, cells - 1);
    const nodesetOf = (p) => {
      const set = p.nodeset?.set;
      return set && cellIds === void 0 && set.equals(CpuSet.of(0)) ? void 0 : set;
    };
    const arch = domain.devices.osType()?.arch;
    let general;
    const earlier = [];
    for (const page of hp.pages) {
      if (!page.sizeAttr) {
        report({ range: page.element.startTag, messageId: "noSize" });
      }
      const archSizes = archPageSizes(arch);
      if (archSizes && page.sizeKiB !== void 0 && !page.decimalUnit && !archSizes.has(page.sizeKiB)) {
        const size = attribute(page.element, "size");
        report({ range: size?.valueRange ?? page.element.startTag, messageId: "noSuchSize", data: { size: formatKiB(page.sizeKiB), arch: "x86" } });
      }
      if (page.nodeset && !page.nodeset.set) continue;
      const set = nodesetOf(page);
      if (!set) {
        if (general) {
          report({ range: page.element.startTag, messageId: "secondGeneral" });
        }
        general ??= page;
        continue;
      }
      const missing = cellIds ? set.subtract(cellIds) : set;
      if (!missing.isEmpty) {
        const data = { cell: missing.min, of: missing.size > 1 ? ` (of ${missing.toString()})` : "" };
        if (cellIds) report({ range: page.nodeset.attr.valueRange, messageId: "missingCell", data: { ...data, cells: cells === 1 ? "one cell (0)" : `cells 0-${cells - 1}` } });
        else report({ range: page.nodeset.attr.valueRange, messageId: "noCells", data });
        continue;
      }
      const clash = earlier.find((e) => e.set.intersects(set));
      if (clash) {
        report({
          range: page.nodeset.attr.valueRange,
          messageId: "overlap",
          data: { cells: describeCells(clash.set.intersect(set)) }
        });
      }
      earlier.push({ page, set });
    }
    if (domain.type !== void 0 && !QEMU_TYPES2.has(domain.type)) return;
    if (mb.allocation?.mode === "ondemand") {
      const a = attribute(mb.allocation.element, "mode");
      report({ range: a.valueRange, messageId: "ondemand" });
    }
    if (mb.source?.type === "anonymous") {
      const t = attribute(mb.source.element, "type");
      report({ range: t.valueRange, messageId: "anonymous" });
    }
  }
});
function describeCells(set) {
  return `${set.size === 1 ? "cell" : "cells"} ${set.toString()}`;
}

// src/model/numa.ts
function numatunePlacement(d) {
  const mem = d.numatune?.memory;
  if (mem?.placement) return mem.placement;
  if (mem?.nodeset) return "static";
  return d.vcpu?.placement ?? "static";
}
function memoryBinding(d, cellId) {
  const nt = d.numatune;
  if (!nt) return void 0;
  const placement = numatunePlacement(d);
  const memnode = cellId === void 0 ? void 0 : nt.memnodes.find((m) => m.cellid === cellId);
  if (memnode) {
    return { mode: memnode.mode, placement, nodes: memnode.nodeset?.set, element: memnode.element, nodesetAttr: memnode.nodeset?.attr };
  }
  const mem = nt.memory;
  if (!mem) return void 0;
  return {
    mode: mem.mode,
    placement,
    nodes: placement === "auto" ? void 0 : mem.nodeset?.set,
    element: mem.element,
    nodesetAttr: mem.nodeset?.attr
  };
}
function guestMemorySlices(d) {
  const cells = d.cpu?.cells ?? [];
  if (cells.length === 0) {
    return d.memory ? [{ cell: void 0, memoryKiB: d.memory.kib, binding: memoryBinding(d, void 0) }] : [];
  }
  return cells.filter((c) => c.memoryKiB !== void 0).map((c) => ({ cell: c, memoryKiB: c.memoryKiB, binding: memoryBinding(d, c.id) }));
}
function hugepageBacking(d, cellId) {
  const hp = d.memoryBacking?.hugepages;
  if (!hp) return void 0;
  if (hp.pages.length === 0) return { spec: void 0, element: hp.element };
  const forCell = cellId === void 0 ? void 0 : hp.pages.find((p) => p.nodeset?.set?.has(cellId));
  const general = hp.pages.find((p) => p.nodeset === void 0);
  const spec = forCell ?? general ?? (cellId === void 0 ? hp.pages[0] : void 0);
  return spec ? { spec, element: spec.element } : void 0;
}
function guestCellIds(d) {
  return CpuSet.of(...(d.cpu?.cells ?? []).map((c) => c.id).filter((n) => n !== void 0));
}

// src/model/memory-demand.ts
var memoryDemands = memoPerDomain((d) => computeMemoryDemands(d));
function computeMemoryDemands(d) {
  return guestMemorySlices(d).map((slice) => {
    const b = slice.binding;
    let target = { kind: "unbound" };
    if (b && b.placement === "static" && b.nodes && !b.nodes.isEmpty) {
      if (b.nodes.size === 1) target = { kind: "node", node: b.nodes.min };
      else target = b.mode === "interleave" ? { kind: "interleave", nodes: b.nodes } : { kind: "set", nodes: b.nodes };
    }
    const backing = hugepageBacking(d, slice.cell?.id);
    return {
      cellId: slice.cell?.id,
      kib: slice.memoryKiB,
      target,
      mode: b?.mode,
      hugepages: backing ? { sizeKiB: backing.spec?.sizeKiB, element: backing.element } : void 0,
      binding: b
    };
  });
}
function spreadEvenly(amount, nodes) {
  const ids = nodes.toArray(LIBVIRT_CPUMASK_LEN);
  const out = /* @__PURE__ */ new Map();
  const base = Math.floor(amount / ids.length);
  const extra = amount - base * ids.length;
  ids.forEach((n, i) => out.set(n, base + (i < extra ? 1 : 0)));
  return out;
}
var strictSmallPageShares = memoPerDomain((d) => {
  const shares = [];
  for (const m of memoryDemands(d)) {
    if (m.hugepages || m.mode !== "strict" && m.mode !== "restrictive") continue;
    if (m.target.kind === "node") shares.push({ node: m.target.node, kib: m.kib, spread: false, demand: m });
    else if (m.target.kind === "set") for (const [n, k] of spreadEvenly(m.kib, m.target.nodes)) shares.push({ node: n, kib: k, spread: true, demand: m });
  }
  return shares;
});
function strictSmallPageKiBPerNode(domains) {
  const perNode = /* @__PURE__ */ new Map();
  for (const d of domains) for (const s of strictSmallPageShares(d)) perNode.set(s.node, (perNode.get(s.node) ?? 0) + s.kib);
  return perNode;
}

// rules/insufficient-hugepages/index.ts
var sum = (items) => items.reduce((a, c) => a + c.pages, 0);
var messages = {
  nodeShort: {
    message: "host node {{node}} has {{supply}} \xD7 {{size}} hugepages ({{supplySize}}); {{guests}} bound to it {{need}} {{demand}} ({{demandSize}})",
    help: "reserve at least {{demand}} on the node (/sys/devices/system/node/node{{node}}/hugepages/hugepages-{{sizeKiB}}kB/nr_hugepages) or move a guest"
  },
  setShort: {
    message: "{{guests}} bound to host {{nodes}} without a per-node split {{need}} {{demand}} \xD7 {{size}} hugepages; those nodes hold {{supply}}",
    help: "raise those nodes' pools to {{demand}} pages in all, or bind each guest cell to one node with <memnode>"
  },
  unboundShort: {
    message: "the planned guests need {{demand}} \xD7 {{size}} hugepages but the host has {{supply}} in all (memory not bound to a node)",
    help: "bind each guest with <numatune> and reserve its pages on that node"
  },
  noPools: { message: "the snapshot has no hugepage pools (its source cannot provide them): insufficient-hugepages is not checked" },
  noDefaultSize: { message: "the snapshot has no default hugepage size: hugepages without an explicit <page size> are not checked" }
};
var insufficient_hugepages_default = definePlanRule({
  meta: {
    id: "insufficient-hugepages",
    name: "InsufficientHugepages",
    severity: "error",
    severities: ["error", "warning"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "The guests planned on a host node need more hugepages of a size than that node's pool holds.",
    tags: ["hugepages", "numa", "memory", "capacity"],
    messages
  },
  check(ctx) {
    const host = ctx.host.model;
    if (host.missing.has("hugepages") && host.nodes.every((n) => n.hugepages.length === 0)) {
      if (ctx.domains.some((d) => memoryDemands(d.domain).some((m) => m.hugepages))) {
        ctx.reportHost({ unchecked: true, messageId: "noPools" });
      }
      return;
    }
    let noDefaultSizeReported = false;
    const budgets = /* @__PURE__ */ new Map();
    const budget = (size) => {
      let b = budgets.get(size);
      if (!b) budgets.set(size, b = { perNode: /* @__PURE__ */ new Map(), perSet: /* @__PURE__ */ new Map(), unbound: [] });
      return b;
    };
    for (const on of ctx.domains) {
      for (const m of memoryDemands(on.domain)) {
        if (!m.hugepages) continue;
        const size = m.hugepages.sizeKiB ?? host.defaultHugepageSizeKiB;
        if (size === void 0) {
          if (!noDefaultSizeReported) {
            ctx.reportHost({ unchecked: true, messageId: "noDefaultSize" });
            noDefaultSizeReported = true;
          }
          continue;
        }
        if (size === host.pageSizeKiB) continue;
        if (hostHasHugepageSize(host, size) === false) continue;
        const pages = Math.ceil(m.kib / size);
        const b = budget(size);
        const item = (p) => ({ on, element: m.hugepages.element, pages: p });
        const sole = soleMemoryNode(host);
        const t = sole !== void 0 && (m.target.kind === "unbound" || (m.target.kind === "set" || m.target.kind === "interleave") && m.target.nodes.has(sole)) ? { kind: "node", node: sole } : m.target;
        if (t.kind === "node") push(b.perNode, t.node, item(pages));
        else if (t.kind === "interleave") for (const [n, p] of spreadEvenly(pages, t.nodes)) push(b.perNode, n, item(p));
        else if (t.kind === "set") {
          const key = t.nodes.toString();
          const entry = b.perSet.get(key) ?? { nodes: t.nodes, items: [] };
          entry.items.push(item(pages));
          b.perSet.set(key, entry);
        } else b.unbound.push(item(pages));
      }
    }
    for (const [size, b] of budgets) checkSize(ctx, size, b);
  }
});
function push(m, k, c) {
  const list = m.get(k);
  if (list) list.push(c);
  else m.set(k, [c]);
}
function checkSize(ctx, size, b) {
  const host = ctx.host.model;
  const pool = (n) => host.node(n)?.hugepages.find((p) => p.sizeKiB === size)?.total ?? 0;
  const sizeName = formatKiB(size);
  const reportPool = (items, shortBy, report, context = []) => {
    const byElement = /* @__PURE__ */ new Map();
    for (const c of [...items, ...context]) {
      const seen = byElement.get(c.element);
      if (seen) seen.pages += c.pages;
      else byElement.set(c.element, { ...c });
    }
    const own = new Set(items.map((c) => c.element));
    const ranked = [...byElement.values()].sort((x, y) => y.pages - x.pages);
    const mine = ranked.filter((c) => own.has(c.element));
    const relieving = mine.filter((c) => c.pages >= shortBy);
    const fewest = relieving.at(-1)?.pages;
    const at = [...relieving].reverse().find((c) => c.pages === fewest) ?? mine[0];
    const guests = new Set(ranked.map((c) => c.on)).size;
    const related = ranked.filter((c) => c !== at).map((c) => ({ file: c.on.source, range: c.element.startTag, message: `${excerpt(c.on.domain.name ?? c.on.source.path, 40)} needs ${c.pages} pages here` }));
    report(at, guests, related);
  };
  const guestsPhrase = (n) => n === 1 ? "the guest" : `${n} guests`;
  for (const [node, items] of [...b.perNode].sort((x, y) => x[0] - y[0])) {
    if (!host.node(node)) continue;
    const demand = sum(items);
    const supply = pool(node);
    if (demand <= supply) continue;
    reportPool(
      items,
      demand - supply,
      (at, guests, related) => ctx.report(at.on, {
        range: at.element.startTag,
        messageId: "nodeShort",
        data: {
          node,
          supply,
          size: sizeName,
          supplySize: formatKiB(supply * size),
          guests: guestsPhrase(guests),
          need: guests === 1 ? "needs" : "need",
          demand,
          demandSize: formatKiB(demand * size),
          sizeKiB: size
        },
        related
      })
    );
  }
  for (const { nodes, items } of b.perSet.values()) {
    const fixed = [...b.perNode].reduce((a, [n, list]) => nodes.has(n) ? a + sum(list) : a, 0);
    const demand = sum(items) + fixed;
    const supply = host.nodes.reduce((a, n) => nodes.has(n.id) ? a + pool(n.id) : a, 0);
    if (demand <= supply) continue;
    reportPool(
      items,
      demand - supply,
      (at, guests, related) => ctx.report(at.on, {
        range: at.element.startTag,
        severity: "warning",
        messageId: "setShort",
        data: { guests: guestsPhrase(guests), nodes: describeNodes(nodes), need: guests === 1 ? "needs" : "need", demand, size: sizeName, supply },
        related
      }),
      [...b.perNode].flatMap(([n, list]) => nodes.has(n) ? list : [])
    );
  }
  if (b.unbound.length > 0) {
    const all = [...b.perNode.values(), ...[...b.perSet.values()].map((s) => s.items), b.unbound].flat();
    const demand = sum(all);
    const supply = host.nodes.reduce((a, n) => a + pool(n.id), 0);
    if (demand > supply) {
      reportPool(
        b.unbound,
        demand - supply,
        (at, _guests, related) => ctx.report(at.on, { range: at.element.startTag, severity: "warning", messageId: "unboundShort", data: { demand, size: sizeName, supply }, related }),
        all.filter((c) => !b.unbound.includes(c))
      );
    }
  }
}

// rules/iothread-placement/index.ts
var MAX_PINS_PER_FIX = 64;
var iothread_placement_default = defineDomainRule({
  meta: {
    id: "iothread-placement",
    name: "IothreadPlacement",
    severity: "warning",
    severities: ["warning", "error"],
    type: "problem",
    fixable: true,
    hasSuggestions: false,
    summary: "An IOThread of a pinned domain has no iothreadpin, or is pinned onto a CPU dedicated to a vCPU.",
    tags: ["pinning", "latency", "io"],
    messages: {
      pinnedOnDedicated: {
        message: "IOThread {{id}} is pinned to {{cpus}}, dedicated to {{vcpus}}: they compete for {{them}}",
        help: "{{advice}}"
      },
      pinnedOnDedicatedRealtime: {
        message: "IOThread {{id}} is pinned to {{cpus}}, dedicated to {{vcpus}}: {{rt}}",
        help: "{{advice}}"
      },
      unpinned: {
        message: "{{iothreads}} {{have}} no <iothreadpin>: {{they}} can run on {{where}}, including {{hit}}",
        help: "{{advice}}"
      },
      unpinnedRealtime: {
        message: "{{iothreads}} {{have}} no <iothreadpin>: {{they}} can run on {{hit}}; {{rt}}",
        help: "{{advice}}"
      }
    }
  },
  check({ domain, host, source, report }) {
    if (domain.iothreadIds.length === 0 || !isPinned(domain)) return;
    const model = host?.model;
    const dedicatedSet = dedicatedCpuSet(domain, model);
    const vcpusOn = (cpus) => vcpusDedicatedWithin(domain, cpus, model);
    const rtVcpus = realtimeVcpus(domain, model);
    const rtIothreads = /* @__PURE__ */ new Map();
    for (const t of domainThreads(domain, model)) if (t.kind === "iothread" && isRealtimePolicy(t.policy)) rtIothreads.set(t.ids.min, t.policy);
    const realtimeNote = (vcpus, iothreads, it) => {
      const v = vcpus.intersect(rtVcpus);
      if (!v.isEmpty) return `realtime ${describeVcpus(v)} can starve ${it}, stalling disk I/O`;
      const io = iothreads.find((id) => rtIothreads.has(id));
      if (io !== void 0) return `IOThread ${io}'s ${rtIothreads.get(io)} policy can starve the vCPU${vcpus.size === 1 ? "" : "s"} outright`;
      return void 0;
    };
    const emulator = effectiveEmulatorAffinity(domain, model);
    const target = emulator.source === "emulatorpin" && emulator.cpus && vcpuAffinityGroups(domain, model).every((g) => g.affinity.cpus !== void 0 && g.affinity.source !== "placement-auto" && !g.affinity.cpus.intersects(emulator.cpus)) ? emulator.cpus : void 0;
    const pinTo = target ? `pin it to the emulator's CPUs (${target.toString()})` : "pin it to housekeeping CPUs, with the emulator, away from the vCPUs";
    const ids = new Set(domain.iothreadIds);
    const pinned = /* @__PURE__ */ new Set();
    for (const pin of domain.cputune?.iothreadpins ?? []) {
      if (pin.iothread === void 0 || pinned.has(pin.iothread) || !ids.has(pin.iothread)) continue;
      pinned.add(pin.iothread);
      const cpus = pin.cpuset?.set;
      if (!cpus || !pin.cpuset) continue;
      const hit = cpus.intersect(dedicatedSet);
      if (hit.isEmpty) continue;
      const on = vcpusOn(hit);
      const rt = realtimeNote(on, [pin.iothread], "it");
      const data = {
        id: pin.iothread,
        cpus: hit.equals(cpus) ? describeCpus(cpus) : `${describeCpus(cpus)}, including ${describeCpus(hit)}`,
        vcpus: describeVcpus(on),
        them: hit.size === 1 ? "the CPU" : "those CPUs",
        advice: target ? `set cpuset='${target.toString()}', the emulator's CPUs` : pinTo
      };
      const fix = target ? replaceAttributeValue(pin.cpuset.attr, target.toString()) : void 0;
      if (rt) report({ range: pin.cpuset.attr.valueRange, severity: "error", messageId: "pinnedOnDedicatedRealtime", data: { ...data, rt }, fix });
      else report({ range: pin.cpuset.attr.valueRange, messageId: "pinnedOnDedicated", data, fix });
    }
    const unpinned = domain.iothreadIds.filter((id) => !pinned.has(id));
    if (unpinned.length === 0 || hasValueProblem(domain, domain.iothreadsElement?.range)) return;
    const fallback = effectiveIothreadAffinity(domain, unpinned[0], model);
    if (fallback.source === "placement-auto") return;
    let where;
    let hitText;
    let covered = dedicatedSet;
    if (fallback.source === "vcpu-cpuset") {
      if (!fallback.cpus || !fallback.attr) return;
      const hit = fallback.cpus.intersect(dedicatedSet);
      if (hit.isEmpty) return;
      covered = hit;
      where = `<vcpu cpuset='${excerpt(fallback.attr.value)}'>`;
      hitText = `${describeCpus(hit)} dedicated to ${describeVcpus(vcpusOn(hit))}`;
    } else if (model && defaultThreadAffinity(model).excludesIsolated && fallback.cpus) {
      const hit = fallback.cpus.intersect(dedicatedSet);
      if (hit.isEmpty) return;
      covered = hit;
      where = `${describeCpus(fallback.cpus)} (libvirt ${model.libvirtVersion ?? ""} leaves isolated CPUs out)`;
      hitText = `${describeCpus(hit)} dedicated to ${describeVcpus(vcpusOn(hit))}`;
    } else {
      hitText = dedicatedSet.isEmpty ? "the vCPUs' own CPUs" : `${describeCpus(dedicatedSet)} dedicated to ${describeVcpus(vcpusOn(dedicatedSet))}`;
      where = model ? `every online CPU (${model.online.toString()})` : "every online CPU";
    }
    const cputune = domain.cputune?.element;
    const fixable = target !== void 0 && cputune !== void 0 && unpinned.length <= MAX_PINS_PER_FIX;
    for (const group of fixable ? byInsertionPoint(cputune, unpinned) : [{ after: void 0, ids: unpinned }]) {
      const set = CpuSet.of(...group.ids);
      const one = group.ids.length === 1;
      const example = `<iothreadpin iothread='${set.min}' cpuset='${target ? target.toString() : "\u2026"}'/>`;
      const they = one ? "it" : "they";
      const rt = realtimeNote(vcpusOn(covered), group.ids, one ? "it" : "them");
      const data = {
        iothreads: `${one ? "IOThread" : "IOThreads"} ${set.toString()}`,
        have: one ? "has" : "have",
        they,
        hit: hitText,
        advice: `${one ? pinTo : pinTo.replace(" it ", " them ")}: ${example}${one ? "" : " for each"}`
      };
      report({
        range: (domain.iothreadsElement ?? domain.element).startTag,
        ...rt ? { severity: "error", messageId: "unpinnedRealtime", data: { ...data, rt } } : { messageId: "unpinned", data: { ...data, where } },
        fix: fixable ? insertPins(source.text, cputune, group.after, group.ids, target) : void 0
      });
    }
  }
});
function byInsertionPoint(cputune, ids) {
  const groups = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const after = formatterPredecessor(cputune, "iothreadpin", CPUTUNE_CHILD_ORDER, (s) => Number(s.attributeValues["iothread"]) < id);
    const last = groups[groups.length - 1];
    if (last && last.after === after) last.ids.push(id);
    else groups.push({ after, ids: [id] });
  }
  return groups;
}
function insertPins(text, cputune, after, ids, cpus) {
  const parts = ids.map((id) => insertChild(text, cputune, { name: "iothreadpin", attributes: [["iothread", String(id)], ["cpuset", cpus.toString()]] }, after));
  return { range: parts[0].range, text: parts.map((p) => p.text).join("") };
}

// rules/isolated-cpu-noise/index.ts
var DEFAULT_MAX_FOREIGN = 0;
function named(names3) {
  const shown = names3.slice(0, 3).join(", ");
  return names3.length > 3 ? `${shown} and ${names3.length - 3} more` : shown;
}
var isolated_cpu_noise_default = definePlanRule({
  meta: {
    id: "isolated-cpu-noise",
    name: "IsolatedCpuNoise",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "Isolated CPUs are not quiet at capture time: tasks other than guest threads, or IRQs, may run on them.",
    tags: ["drift", "isolation", "irq", "running"],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: { maxForeign: { type: "integer", minimum: 0, description: "foreign tasks (and IRQs) tolerated on the isolated CPUs (default 0)" } }
    },
    messages: {
      tasks: {
        message: "{{count}} other than guest threads may run on isolated CPUs {{isolated}}: {{names}}",
        help: "move them to housekeeping CPUs (taskset -pc, or CPUAffinity= in their unit), then capture again"
      },
      irqs: {
        message: "{{count}} delivered to isolated CPUs {{isolated}}: {{names}}",
        help: "set their smp_affinity_list to housekeeping CPUs, or boot with irqaffinity= and isolcpus=managed_irq"
      }
    }
  },
  check({ host, options, reportHost }) {
    const running = host.model.snapshot.running;
    if (!running?.isolatedCpus) return;
    const isolated = snapshotCpus(running.isolatedCpus).toString();
    const max = Number(options.maxForeign ?? DEFAULT_MAX_FOREIGN);
    const tasks = running.foreignTasks ?? [];
    if (tasks.length > max) {
      reportHost({
        range: locateJsonKey(host.text, "running.foreignTasks"),
        messageId: "tasks",
        data: { count: `${tasks.length} task${tasks.length === 1 ? "" : "s"}`, isolated, names: named([...new Set(tasks.map((t) => `${t.name} (${t.pid})`))]) }
      });
    }
    const irqs = running.irqs ?? [];
    if (irqs.length > max) {
      reportHost({
        range: locateJsonKey(host.text, "running.irqs"),
        messageId: "irqs",
        data: { count: `${irqs.length} IRQ${irqs.length === 1 ? "" : "s"}`, isolated, names: named(irqs.map((q) => q.name ? `${q.irq} (${q.name})` : String(q.irq))) }
      });
    }
  }
});

// rules/isolation-incomplete/index.ts
var isolation_incomplete_default = defineHostRule({
  meta: {
    id: "isolation-incomplete",
    name: "IsolationIncomplete",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A dedicated vCPU runs on an isolated CPU that the kernel still ticks on (no nohz_full) or whose RCU callbacks it does not offload.",
    tags: ["isolation", "kernel", "latency"],
    messages: {
      noNohzFacts: { message: "no kernel command line or /sys/devices/system/cpu/nohz_full in the snapshot: isolation-incomplete is not checked" },
      tick: {
        message: "{{vcpus}} {{are}} dedicated to isolated {{cpus}}, but the kernel still ticks there (not in nohz_full)",
        help: "set {{change}} on the kernel command line and reboot"
      },
      tickAndRcu: {
        message: "{{vcpus}} {{are}} dedicated to isolated {{cpus}}, but the kernel still ticks and runs RCU callbacks there",
        help: "set {{change}} on the kernel command line and reboot (nohz_full also offloads RCU callbacks)"
      },
      tunedOnly: {
        message: "{{vcpus}} {{are}} dedicated to {{cpus}}, isolated only by tuned's isolated_cores: the booted kernel does not isolate {{them}}",
        help: "reboot so the profile's command line applies, or set {{change}}"
      }
    }
  },
  check({ domain, host, report, reportHostOnce }) {
    if (!isPinned(domain)) return;
    const model = host.model;
    const isolated = model.isolation?.isolated;
    if (!isolated || isolated.isEmpty) return;
    const layers = model.isolationLayers;
    const gaps = /* @__PURE__ */ new Map();
    for (const g of vcpuAffinityGroups(domain, model)) {
      const a = g.affinity;
      if (a.source !== "vcpupin" && a.source !== "vcpu-cpuset" || !isDedicated(a) || !a.element) continue;
      const cpu = a.cpus.min;
      if (!isolated.has(cpu)) continue;
      if (layers.nohz === void 0) {
        reportHostOnce("no-nohz", { unchecked: true, messageId: "noNohzFacts" });
        return;
      }
      const tickless = layers.nohz.cpus.has(cpu);
      const missing = [];
      if (!tickless) missing.push("nohz_full");
      if (!tickless && layers.rcuOffload !== void 0 && !layers.rcuOffload.has(cpu)) missing.push("rcu_nocbs");
      if (!tickless && !layers.domain?.cpus.has(cpu)) missing.push("isolcpus");
      if (missing.length === 0) continue;
      const key = missing.join(" ");
      const gap = gaps.get(key);
      if (gap) {
        gap.vcpus = gap.vcpus.union(g.vcpus);
        gap.cpus = gap.cpus.union(a.cpus);
      } else gaps.set(key, { missing, vcpus: g.vcpus, cpus: a.cpus, range: a.attr?.valueRange ?? a.element.startTag });
    }
    for (const gap of gaps.values()) {
      const value = isolated.toString();
      const flags = layers.isolcpusFlags;
      const change = flags?.includes("nohz") ? `isolcpus=${flags.join(",")},${value}` : `nohz_full=${value}`;
      const data = { vcpus: describeVcpus(gap.vcpus), are: gap.vcpus.size === 1 ? "is" : "are", cpus: describeCpus(gap.cpus), change };
      if (gap.missing.includes("isolcpus")) report({ range: gap.range, messageId: "tunedOnly", data: { ...data, them: gap.cpus.size === 1 ? "it" : "them" } });
      else if (gap.missing.includes("rcu_nocbs")) report({ range: gap.range, messageId: "tickAndRcu", data });
      else report({ range: gap.range, messageId: "tick", data });
    }
  }
});

// rules/isolation-params-consistency/index.ts
var messages2 = {
  irqOnIsolated: {
    message: "{{source}} includes isolated {{cpus}}: interrupts without an affinity of their own land there",
    help: "limit irqaffinity to housekeeping CPUs ({{housekeeping}})"
  },
  beyondPossible: {
    message: "{{param}}={{value}} names CPU {{cpu}}, beyond the possible CPUs {{possible}}: the kernel may then {{effect}}",
    help: "list only CPUs {{possible}}"
  },
  unparseable: {
    message: "{{param}}={{value}} is not a valid CPU list ({{error}}): the kernel will {{effect}}",
    help: "write a CPU list the kernel parses, e.g. 2-15,18-31"
  },
  missingValue: {
    message: "{{param}} without a value is not the {{param}}= parameter: the kernel isolates nothing with it",
    help: "give it a CPU list: {{param}}=\u2026"
  },
  ignoredMismatch: {
    message: "{{param}}={{value}} is ignored: the kernel requires it to match the earlier {{earlier}}",
    help: "make the two CPU lists equal, or drop one of them"
  },
  bootCpuKept: {
    message: "{{param}}={{value}} covers every present CPU: the kernel keeps the boot CPU for all housekeeping",
    help: "leave at least one core per NUMA node out of the list"
  },
  cmdlineVsRunning: {
    message: "the running kernel's {{file}} shows {{running}}, the command line's {{what}} {{commandLine}}",
    help: "find why the kernel did not apply it (a rejected value, a missing feature, cpuset partitions); kvmlint uses what runs"
  },
  tunedVsBooted: {
    message: "tuned isolated_cores {{tuned}} differs from what the booted kernel isolates ({{booted}}, from the {{bootedBy}})",
    help: "reboot so the profile's kernel parameters apply, or restore isolated_cores"
  },
  nodeWithoutHousekeeping: {
    message: "host node {{node}} has no housekeeping CPU ({{cpus}} all isolated), yet {{guests}} {{pin}} vCPUs there",
    help: "keep a core of every node for housekeeping: kswapd, kcompactd and the guests' emulator threads run there"
  }
};
var isolation_params_consistency_default = definePlanRule({
  meta: {
    id: "isolation-params-consistency",
    name: "IsolationParamsConsistency",
    severity: "warning",
    severities: ["warning", "error"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "The host's isolation parameters contradict each other, the running kernel, tuned, or the NUMA layout.",
    tags: ["isolation", "kernel", "host"],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: { housekeepingPerNode: { type: "boolean", description: "Also warn about a NUMA node with CPUs but no housekeeping CPU." } }
    },
    messages: messages2
  },
  // A host-level rule: run once per host (plan), never once per domain.
  check(ctx) {
    const host = ctx.host.model;
    const layers = host.isolationLayers;
    const facts = [...host.isolation?.facts ?? [], ...layers.facts];
    for (const f of facts) reportFact(ctx, f);
    const isolated = host.isolation?.isolated;
    if (!isolated || isolated.isEmpty) return;
    const housekeeping = host.online.subtract(isolated);
    const irq = layers.irqAffinity;
    if (irq) {
      const inside = irq.cpus.intersect(isolated);
      if (!inside.isEmpty) {
        ctx.reportHost({
          range: locateTokenInJsonString(ctx.host.text, "kernel.cmdline", irq.param),
          messageId: "irqOnIsolated",
          data: { source: irq.source, cpus: describeCpus(inside), housekeeping: housekeeping.toString() || "none" }
        });
      }
    }
    if (ctx.options.housekeepingPerNode === true) reportNodesWithoutHousekeeping(ctx, host, housekeeping);
  }
});
function cmdlineRange(ctx, param, value) {
  return locateTokenInJsonString(ctx.host.text, "kernel.cmdline", `${param}=${value}`) ?? locateJsonKey(ctx.host.text, "kernel.cmdline");
}
function rejection(param) {
  switch (param) {
    case "rcu_nocbs":
      return "offload every CPU's RCU callbacks";
    case "irqaffinity":
      return "keep only the CPUs listed before the error, plus the boot CPU";
    default:
      return "ignore it and isolate nothing";
  }
}
function reportFact(ctx, f) {
  const text = ctx.host.text;
  switch (f.kind) {
    case "beyond-possible": {
      const isolating = f.param === "isolcpus" || f.param === "nohz_full";
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        // Losing isolcpus/nohz_full loses the whole isolation: an error. The others degrade.
        severity: isolating ? "error" : "warning",
        messageId: "beyondPossible",
        data: { param: f.param, value: f.value, cpu: f.cpu, possible: f.possible.toString(), effect: rejection(f.param) }
      });
      return;
    }
    case "unparseable":
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        messageId: "unparseable",
        data: { param: f.param, value: f.value, error: f.error, effect: rejection(f.param) }
      });
      return;
    case "missing-value":
      ctx.reportHost({ range: locateTokenInJsonString(text, "kernel.cmdline", f.param), messageId: "missingValue", data: { param: f.param } });
      return;
    case "ignored-mismatch":
      ctx.reportHost({
        range: cmdlineRange(ctx, f.param, f.value),
        messageId: "ignoredMismatch",
        data: { param: f.param, value: f.value, earlier: `${f.earlier.param}=${f.earlier.value}` }
      });
      return;
    case "boot-cpu-kept":
      ctx.reportHost({ range: cmdlineRange(ctx, f.param, f.value), messageId: "bootCpuKept", data: { param: f.param, value: f.value } });
      return;
    case "cmdline-vs-running": {
      const file = f.layer === "domain" ? "/sys/devices/system/cpu/isolated" : "/sys/devices/system/cpu/nohz_full";
      const what = f.layer === "domain" ? "isolcpus domain set" : "nohz_full set";
      ctx.reportHost({
        range: locateJsonKey(text, f.runningPath),
        messageId: "cmdlineVsRunning",
        data: { file, running: f.running.toString() || "no CPUs", what, commandLine: f.commandLine.toString() || "empty" }
      });
      return;
    }
    case "tuned-vs-booted": {
      ctx.reportHost({
        range: locateJsonKey(text, "tuned.isolatedCores.raw") ?? locateJsonKey(text, "tuned.isolatedCores"),
        messageId: "tunedVsBooted",
        data: { tuned: f.tuned.toString(), booted: f.booted.toString() || "nothing", bootedBy: f.bootedBy }
      });
      return;
    }
    default:
      return;
  }
}
function reportNodesWithoutHousekeeping(ctx, host, housekeeping) {
  const bare = host.nodes.filter((n) => {
    const online = n.cpus.intersect(host.online);
    return !online.isEmpty && !online.intersects(housekeeping);
  });
  if (bare.length === 0) return;
  const users = /* @__PURE__ */ new Map();
  const related = /* @__PURE__ */ new Map();
  for (const ld of ctx.domains) {
    const pins = vcpuAffinityGroups(ld.domain, host).filter((g) => (g.affinity.source === "vcpupin" || g.affinity.source === "vcpu-cpuset") && g.affinity.cpus);
    if (pins.length === 0) continue;
    const name = ld.domain.name ? excerpt(ld.domain.name, 32) : ld.source.path;
    for (const n of bare) {
      const pin = pins.find((g) => g.affinity.cpus.intersects(n.cpus));
      if (!pin) continue;
      users.set(n.id, [...users.get(n.id) ?? [], name]);
      const range = pin.affinity.attr?.valueRange ?? pin.affinity.element?.startTag ?? ld.domain.element.startTag;
      related.set(n.id, [...related.get(n.id) ?? [], { file: ld.source, range, message: `${name} pins vCPUs to node ${n.id} here` }]);
    }
  }
  const snapshotNodes = ctx.host.model.snapshot.nodes ?? [];
  for (const n of bare) {
    const names3 = users.get(n.id);
    if (!names3) continue;
    const index = snapshotNodes.findIndex((s) => s.id === n.id);
    const path3 = index < 0 ? void 0 : typeof snapshotNodes[index].cpus === "string" ? `nodes[${index}].cpus` : `nodes[${index}].cpus.raw`;
    ctx.reportHost({
      range: path3 === void 0 ? void 0 : locateJsonKey(ctx.host.text, path3),
      messageId: "nodeWithoutHousekeeping",
      data: {
        node: n.id,
        cpus: describeCpus(n.cpus.intersect(host.online)),
        guests: listBounded(names3, names3.length, 2, "other guests"),
        pin: names3.length === 1 ? "pins" : "pin"
      },
      related: related.get(n.id)
    });
  }
}

// rules/isolcpus-floating-affinity/index.ts
var isolcpus_floating_affinity_default = defineHostRule({
  meta: {
    id: "isolcpus-floating-affinity",
    name: "IsolcpusFloatingAffinity",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A thread may run on several CPUs the scheduler does not load-balance (isolcpus domain set), so threads stack on one of them.",
    tags: ["isolation", "pinning", "latency"],
    messages: {
      noDomainSet: { message: "no kernel command line or /sys/devices/system/cpu/isolated in the snapshot: isolcpus-floating-affinity is not checked" },
      pileUp: {
        message: "{{threads}} can float over {{cpus}}, {{which}} not load-balanced ({{source}})",
        help: "pin each thread to one isolated CPU, or put floating threads on housekeeping CPUs"
      },
      stuck: {
        message: "{{threads}} can run on {{cpus}}, {{which}} not load-balanced ({{source}}): it stays on its first CPU",
        help: "pin it to one isolated CPU, or to housekeeping CPUs if it may float"
      }
    }
  },
  check({ domain, host, report, reportHostOnce }) {
    if (host.model.missing.has("isolation")) return;
    const model = host.model;
    const isolated = model.isolation?.isolated;
    const uses = affinityUses(domain, model).filter(
      (u) => u.explicit && u.range !== void 0 && u.affinity.cpus.size > 1 && (isolated === void 0 || u.affinity.cpus.intersect(isolated).size > 1)
    );
    if (uses.length === 0) return;
    const layers = model.isolationLayers;
    const parts = [layers.domain, layers.tunedNoBalance].filter((l) => l !== void 0 && !l.cpus.isEmpty);
    if (layers.domain === void 0 && layers.tunedNoBalance === void 0) {
      reportHostOnce("no-domain-set", { unchecked: true, messageId: "noDomainSet" });
      return;
    }
    if (parts.length === 0) return;
    const unbalanced = parts.reduce((acc, l) => acc.union(l.cpus), CpuSet.empty);
    const source = parts.map((l) => l.source).join(" and ");
    const pools = /* @__PURE__ */ new Map();
    for (const use of uses) {
      const key = use.affinity.cpus.toString();
      const pool = pools.get(key);
      if (pool) pool.push(use);
      else pools.set(key, [use]);
    }
    for (const pool of pools.values()) {
      const first = pool[0];
      const cpus = first.affinity.cpus;
      const hit = cpus.intersect(unbalanced);
      if (hit.size < 2) continue;
      const threads = mergeThreadKinds(pool.flatMap((u) => u.threads));
      const several = threads.length > 1 || threads.some((t) => t.kind === "emulator" || t.ids.size > 1);
      const which = hit.equals(cpus) ? "which are" : `${hit.toString()} of which are`;
      report({
        range: first.range,
        messageId: several ? "pileUp" : "stuck",
        data: { threads: describeUseThreads({ ...first, threads }), cpus: describeCpus(cpus), which, source },
        related: pool.slice(1).map((u) => ({ range: u.range, message: `${describeUseThreads(u)} on the same CPUs here` }))
      });
    }
  }
});
function mergeThreadKinds(groups) {
  const byKind = /* @__PURE__ */ new Map();
  for (const g of groups) {
    const seen = byKind.get(g.kind);
    byKind.set(g.kind, seen ? { ...seen, ids: seen.ids.union(g.ids) } : g);
  }
  return [...byKind.values()];
}

// rules/locked-memory-risk/index.ts
var UNLIMITED_KIB = 9007199254740991;
var locked_memory_risk_default = defineDomainRule({
  meta: {
    id: "locked-memory-risk",
    name: "LockedMemoryRisk",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "Locked guest memory without a memtune hard_limit (QEMU may then lock memory without bound) or without hugepages.",
    tags: ["memory"],
    messages: {
      noLimit: {
        message: "<locked/> without <memtune><hard_limit>: QEMU may lock guest RAM{{memory}} and its own memory without bound",
        help: "set <hard_limit> to guest RAM plus QEMU's overhead (it is also the cgroup memory limit: too low stops or kills QEMU)"
      },
      noHugepages: {
        message: "<locked/> without hugepages: guest RAM{{memory}} is locked in ordinary pages, never reclaimable",
        help: "back the guest with hugepages (<memoryBacking><hugepages/>), which are never swapped anyway"
      },
      neither: {
        message: "<locked/> without <hard_limit> or hugepages: guest RAM{{memory}} is locked in ordinary pages without bound",
        help: "back the guest with hugepages and set <memtune><hard_limit> to guest RAM plus QEMU's overhead"
      }
    }
  },
  check({ domain, report }) {
    const locked = domain.memoryBacking?.locked;
    if (!locked || domain.type !== "kvm" && domain.type !== "qemu") return;
    const hard = domain.memtune?.hardLimit;
    const noLimit = !hard || hard.kib >= UNLIMITED_KIB;
    const noHugepages = !domain.memoryBacking.hugepages;
    if (!noLimit && !noHugepages) return;
    const memory = domain.memory ? ` (${formatKiB(domain.memory.kib)})` : "";
    const messageId = noLimit && noHugepages ? "neither" : noLimit ? "noLimit" : "noHugepages";
    report({ range: locked.startTag, messageId, data: { memory } });
  }
});

// rules/memory-config-invalid/index.ts
var SLOT_MODELS = /* @__PURE__ */ new Set(["dimm", "nvdimm"]);
var CONFLICT_CHECKED_MODELS = /* @__PURE__ */ new Set(["virtio-mem", "virtio-pmem"]);
var NUMA_AUTO_ADD_SINCE = "9.6.0";
var memory_config_invalid_default = defineDomainRule({
  meta: {
    id: "memory-config-invalid",
    name: "MemoryConfigInvalid",
    severity: "error",
    severities: ["error", "warning", "info"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "Memory sizing libvirt rejects: no <memory>, a memory device in a missing guest NUMA cell, <maxMemory> too small, too few slots, hotplug without cells.",
    tags: ["memory", "numa"],
    messages: {
      noMemory: {
        message: "the domain has no <memory> and no guest NUMA cell memory: libvirt rejects this at define time",
        help: "add <memory unit='GiB'>\u2026</memory>, or memory='\u2026' on each guest NUMA <cell>"
      },
      targetNoCells: {
        message: "a {{model}} memory device is plugged into guest NUMA node {{node}}, but the guest has no NUMA cells: libvirt rejects this at define time",
        help: "define guest NUMA cells under <cpu><numa>, or drop <node> from the device's <target>"
      },
      targetMissing: {
        message: "a {{model}} memory device targets guest NUMA node {{node}}; the guest has only cell(s) {{cells}}: libvirt rejects it",
        help: "set <node> to one of the cells {{cells}}"
      },
      addressOverlap: {
        message: "the {{model}} device at [{{start}}:{{end}}] overlaps the memory device at {{other}}: libvirt rejects it",
        help: "move one device (its address base) past the other, or drop base and let QEMU place it"
      },
      maxBelowMemory: {
        message: "<maxMemory> is {{max}}, less than <memory> {{memory}}: libvirt rejects this at define time",
        help: "raise <maxMemory> to at least {{memory}} (it is the ceiling for memory hotplug)"
      },
      slotsExceeded: {
        message: "{{count}} DIMM/NVDIMM devices need a memory slot each, but <maxMemory slots> is {{slots}}: libvirt rejects this at define time",
        help: "raise slots='{{count}}' or more on <maxMemory>"
      },
      hotplugNoNuma: {
        message: "<maxMemory> enables memory hotplug without guest NUMA cells: {{who}}",
        help: "{{later}}add a guest NUMA cell holding every vCPU and the memory: <cell id='0' cpus='0-{{lastVcpu}}' memory='{{memory}}' unit='KiB'/>"
      }
    }
  },
  check({ domain, host, report }) {
    const cells = domain.cpu?.cells ?? [];
    const cellMemory = cells.some((c) => c.memoryKiB !== void 0 || c.memoryAttr !== void 0);
    if (!domain.memory && !cellMemory && !domain.element.children.some((c) => c.name === "memory")) {
      report({ range: domain.element.startTag, messageId: "noMemory", data: {} });
    }
    const devices = domain.devices.memoryDevices();
    for (const m of devices) {
      if (m.targetNode === void 0) continue;
      const model = m.model ?? "memory";
      if (cells.length === 0) report({ range: m.element.startTag, messageId: "targetNoCells", data: { model, node: m.targetNode } });
      else if (m.targetNode >= cells.length) report({ range: m.element.startTag, messageId: "targetMissing", data: { model, node: m.targetNode, cells: cells.length === 1 ? "0" : `0-${cells.length - 1}` } });
    }
    const addressChecked = devices.filter((m) => m.model !== void 0 && CONFLICT_CHECKED_MODELS.has(m.model));
    for (const m of addressChecked) {
      if (!m.base || m.base.value === 0n || m.sizeKiB === void 0 || !Number.isFinite(m.sizeKiB)) continue;
      const start = m.base.value;
      const end = start + BigInt(Math.ceil(m.sizeKiB)) * 1024n;
      const other = addressChecked.find((o) => o !== m && o.base && o.base.value !== 0n && start <= o.base.value && end > o.base.value);
      if (!other) continue;
      report({
        range: m.base.attr.valueRange,
        messageId: "addressOverlap",
        data: { model: m.model ?? "memory", start: `0x${start.toString(16)}`, end: `0x${end.toString(16)}`, other: `0x${other.base.value.toString(16)}` },
        related: [{ range: other.base.attr.valueRange, message: `the ${other.model ?? "memory"} device starts here` }]
      });
    }
    const max = domain.maxMemory;
    if (!max) return;
    if (domain.memory && max.kib < domain.memory.kib) {
      report({ range: max.range, messageId: "maxBelowMemory", data: { max: formatKiB(max.kib), memory: formatKiB(domain.memory.kib) } });
    }
    const slotsAttr = attribute(max.element, "slots");
    const slots = slotsAttr && /^\d+$/.test(slotsAttr.value.trim()) ? Number(slotsAttr.value) : void 0;
    const needSlots = devices.filter((m) => m.model !== void 0 && SLOT_MODELS.has(m.model)).length;
    if (slots !== void 0 && needSlots > slots) {
      report({ range: slotsAttr.valueRange, messageId: "slotsExceeded", data: { count: needSlots, slots } });
    }
    const arch = domain.devices.osType()?.arch;
    if (cells.length === 0 && !(arch ?? "").startsWith("ppc64")) {
      const newer = libvirtAtLeast(host?.model.libvirtVersion, NUMA_AUTO_ADD_SINCE);
      const v = host?.model.libvirtVersion;
      const who = newer === true ? `libvirt ${v} adds a cell itself on define` : newer === false ? `libvirt ${v} rejects this at define time` : `libvirt before ${NUMA_AUTO_ADD_SINCE} rejects this at define time`;
      const later = newer === true ? "" : `libvirt ${NUMA_AUTO_ADD_SINCE} and later add a cell when a new definition is defined, but reject an existing one loaded without that update; `;
      report({
        range: max.element.startTag,
        severity: newer === true ? "info" : newer === false ? "error" : "warning",
        messageId: "hotplugNoNuma",
        data: { who, later, lastVcpu: domain.maxVcpus - 1, memory: domain.memory?.kib ?? 0 }
      });
    }
  }
});

// rules/memory-not-hugepage-multiple/index.ts
var SMALL_WASTE_SHARE = 0.01;
var memory_not_hugepage_multiple_default = defineDomainRule({
  meta: {
    id: "memory-not-hugepage-multiple",
    name: "MemoryNotHugepageMultiple",
    severity: "warning",
    severities: ["warning", "error", "info"],
    type: "problem",
    fixable: false,
    hasSuggestions: true,
    summary: "Hugepage-backed guest memory (a cell, or the whole guest) that is not a whole number of pages; an error below one page, an info note when under 1% of it goes unused.",
    tags: ["hugepages", "memory"],
    messages: {
      belowOnePage: {
        message: "{{what}} is {{size}}, less than one {{page}} hugepage{{hostDefault}}: QEMU refuses to start",
        help: "use at least {{page}}, or smaller pages"
      },
      notMultiple: {
        message: "{{what}} is {{size}}: {{pages}} \xD7 {{page}} hugepages{{hostDefault}} and {{rest}}; QEMU takes {{next}} pages, {{waste}} unused",
        help: "make it {{down}} or {{up}}"
      },
      setTo: { message: "set {{what}} to {{size}} ({{pages}})" }
    }
  },
  check({ domain, host, source, report }) {
    if (!domain.memoryBacking?.hugepages) return;
    for (const r of regions(domain)) {
      const backing = hugepageBacking(domain, r.cellId);
      if (!backing) continue;
      const spec = backing.spec;
      if (spec && (!spec.sizeAttr || spec.sizeKiB === void 0 || spec.decimalUnit)) continue;
      const page = spec?.sizeKiB ?? host?.model.defaultHugepageSizeKiB;
      if (!page) continue;
      const archSizes = archPageSizes(domain.devices.osType()?.arch);
      if (archSizes && !archSizes.has(page)) continue;
      const rest = r.kib % page;
      if (rest === 0) continue;
      const pages = Math.floor(r.kib / page);
      const hostDefault = spec ? "" : " (the host's default)";
      const up = (pages + 1) * page;
      const suggest = (kib) => ({
        messageId: "setTo",
        data: { what: r.what, size: formatKiB(kib), pages: `${kib / page} page${kib === page ? "" : "s"}` },
        fix: setSize(source.text, r.valueRange, r.unitAttr, kib + r.extraKiB)
      });
      if (pages === 0) {
        report({
          range: r.valueRange,
          severity: "error",
          // QEMU: "memory size \u2026 must be equal to or larger than page size".
          messageId: "belowOnePage",
          data: { what: r.what, size: formatKiB(r.kib), page: formatKiB(page), hostDefault },
          suggestions: [suggest(up)]
        });
        continue;
      }
      report({
        range: r.valueRange,
        // The cost is the part of the extra page left unused: under 1% of the region (64 KiB of a 2 MiB page
        // behind an 8 GiB guest) it is a note, not a problem; a half-used 1 GiB page is.
        severity: (page - rest) / r.kib < SMALL_WASTE_SHARE ? "info" : void 0,
        // QEMU's file_ram_alloc rounds a hugetlbfs-backed region up to whole pages.
        messageId: "notMultiple",
        data: {
          what: r.what,
          size: formatKiB(r.kib),
          pages,
          page: formatKiB(page),
          hostDefault,
          rest: formatKiB(rest),
          next: pages + 1,
          waste: formatKiB(page - rest),
          down: formatKiB(pages * page),
          up: formatKiB(up)
        },
        suggestions: [suggest(up), suggest(pages * page)]
      });
    }
  }
});
function regions(d) {
  const cells = d.cpu?.cells ?? [];
  if (cells.length > 0) {
    return cells.filter((c) => c.memoryKiB !== void 0 && c.memoryAttr !== void 0 && c.id !== void 0).map((c) => ({ what: `guest cell ${c.id}'s memory`, kib: c.memoryKiB, cellId: c.id, valueRange: c.memoryAttr.valueRange, unitAttr: c.unitAttr, extraKiB: 0 }));
  }
  const memory = d.memory;
  if (!memory) return [];
  const devices = d.maxMemory ? memoryDevicesKiB(d) : { kib: 0, count: 0 };
  if (!devices || memory.kib <= devices.kib) return [];
  const what = devices.count > 0 ? "the guest's initial memory (without memory devices)" : "<memory>";
  return [{ what, kib: memory.kib - devices.kib, cellId: void 0, valueRange: memory.range, unitAttr: attribute(memory.element, "unit"), extraKiB: devices.kib }];
}

// src/model/node-memory.ts
var hostNodeWatermarks = memoPerHost((host) => {
  if (host.minFreeKbytes === void 0) return void 0;
  const { zones: allZones, approximatedNodes } = hostWatermarkZones(host);
  const zones = allZones.filter((z) => z.managedPages > 0);
  const shares = new Map(nodeWatermarkShares(zones, host.minFreeKbytes, host.watermarkScaleFactor, host.pageSizeKiB).map((s) => [s.node, s]));
  return { zones, approximatedNodes, shares };
});
function nodeMemoryVerdict(s) {
  const left = s.freeKiB - s.plannedKiB;
  if (s.plannedKiB > 0 && left < 0) return { rule: "numa-memory-insufficient", level: "exceeds-free" };
  if (s.minKiB !== void 0 && left < s.minKiB) return { rule: "min-free-kbytes-exceeds-node-free", level: "below-min" };
  if (s.highKiB !== void 0 && left < s.highKiB) {
    const plan = s.plannedKiB > 0 && s.freeKiB >= s.highKiB;
    return plan ? { rule: "numa-memory-insufficient", level: "below-high" } : { rule: "min-free-kbytes-exceeds-node-free", level: "below-high" };
  }
  return void 0;
}

// rules/min-free-kbytes-exceeds-node-free/index.ts
var min_free_kbytes_exceeds_node_free_default = definePlanRule({
  meta: {
    id: "min-free-kbytes-exceeds-node-free",
    name: "MinFreeKbytesExceedsNodeFree",
    severity: "error",
    severities: ["error", "warning"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A NUMA node's share of vm.min_free_kbytes (or its high watermark) exceeds the memory that node has free.",
    tags: ["memory", "numa", "sysctl", "oom"],
    messages: {
      belowMin: {
        message: "vm.min_free_kbytes={{minFree}}: node {{node}}'s min watermark {{watermark}} exceeds its {{free}} free{{guests}}",
        help: "{{advice}}: allocations on node {{node}} otherwise enter direct reclaim and the OOM killer{{basis}}"
      },
      belowHigh: {
        message: "vm.min_free_kbytes={{minFree}} gives node {{node}} a high watermark of {{watermark}}, more than its {{free}} free{{guests}}",
        help: "{{advice}}: kswapd on node {{node}} otherwise reclaims continuously{{basis}}"
      },
      noMinFree: { message: "the snapshot has no vm.min_free_kbytes: min-free-kbytes-exceeds-node-free is not checked" },
      noFree: { message: "the snapshot has no per-node free memory: min-free-kbytes-exceeds-node-free is not checked" }
    }
  },
  check(ctx) {
    const host = ctx.host.model;
    const minFree = host.minFreeKbytes;
    if (minFree === void 0) {
      ctx.reportHost({ unchecked: true, messageId: "noMinFree" });
      return;
    }
    const at = () => locateJsonKey(ctx.host.text, "vm.minFreeKbytes");
    const { zones, approximatedNodes, shares } = hostNodeWatermarks(host);
    const perDomain = ctx.domains.map((d) => ({ label: describeDomain(d), kib: strictSmallPageKiBPerNode([d.domain]) }));
    const planned = /* @__PURE__ */ new Map();
    for (const { kib } of perDomain) for (const [node, k] of kib) planned.set(node, (planned.get(node) ?? 0) + k);
    const plannedBy = (node) => perDomain.filter((d) => d.kib.has(node)).map((d) => d.label);
    const free = /* @__PURE__ */ new Map();
    for (const n of host.nodes) if (n.memFreeKiB !== void 0) free.set(n.id, n.memFreeKiB - (planned.get(n.id) ?? 0));
    if (free.size === 0) {
      ctx.reportHost({ unchecked: true, messageId: "noFree" });
      return;
    }
    const verdicts = /* @__PURE__ */ new Map();
    for (const n of host.nodes) {
      if (n.memFreeKiB === void 0) continue;
      const share = shares.get(n.id);
      verdicts.set(n.id, nodeMemoryVerdict({ freeKiB: n.memFreeKiB, plannedKiB: planned.get(n.id) ?? 0, minKiB: share?.minKiB, highKiB: share?.highKiB }));
    }
    const constraining = new Map([...free].filter(([n]) => verdicts.get(n)?.rule !== "numa-memory-insufficient"));
    const safestFor = (level) => largestSafeMinFreeKbytes(zones, constraining, host.watermarkScaleFactor, host.pageSizeKiB, level);
    const basis = approximatedNodes.length > 0 ? " (zones approximated from MemTotal: no /proc/zoneinfo in the snapshot)" : "";
    for (const share of shares.values()) {
      const nodeFree = free.get(share.node);
      const verdict = verdicts.get(share.node);
      if (nodeFree === void 0 || verdict?.rule !== "min-free-kbytes-exceeds-node-free") continue;
      const guestCount = plannedBy(share.node).length;
      const guests = planned.get(share.node) ? ` after ${formatKiB(planned.get(share.node))} of ${guestCount === 1 ? "a guest" : `${guestCount} guests`}` : "";
      const related = ctx.domains.filter((d) => strictSmallPageKiBPerNode([d.domain]).has(share.node)).slice(0, 20).map((d) => ({ file: d.source, range: (d.domain.numatune?.element ?? d.domain.element).startTag, message: `${describeDomain(d)} binds memory to node ${share.node} here` }));
      const common = { minFree, node: share.node, free: formatKiB(Math.max(0, nodeFree)), guests, basis };
      if (verdict.level === "below-min") {
        const safest = safestFor("min");
        ctx.reportHost({
          range: at(),
          messageId: "belowMin",
          data: { ...common, watermark: formatKiB(share.minKiB), advice: safest === void 0 ? "no value of vm.min_free_kbytes is safe for this node: free memory on it" : `set vm.min_free_kbytes to at most ${safest}` },
          related
        });
      } else {
        const safestHigh = safestFor("high");
        ctx.reportHost({
          range: at(),
          severity: "warning",
          messageId: "belowHigh",
          data: { ...common, watermark: formatKiB(share.highKiB), advice: safestHigh === void 0 ? "lower vm.watermark_scale_factor" : `set vm.min_free_kbytes to at most ${safestHigh}` },
          related
        });
      }
    }
  }
});

// rules/min-free-kbytes-guideline/index.ts
var KERNEL_FLOOR_KB = 1024;
var min_free_kbytes_guideline_default = definePlanRule({
  meta: {
    id: "min-free-kbytes-guideline",
    name: "MinFreeKbytesGuideline",
    severity: "warning",
    severities: ["warning", "error"],
    type: "suggestion",
    fixable: false,
    hasSuggestions: false,
    summary: "vm.min_free_kbytes above the tuning guide's 2% of RAM (warning), or below the kernel's 1024 KB floor (error).",
    tags: ["memory", "sysctl"],
    messages: {
      belowFloor: {
        message: "vm.min_free_kbytes={{value}} is below the kernel's {{floor}} KB floor: the host can deadlock under high load",
        help: "raise it to at least {{floor}} (the tuning guide suggests 1\u2013{{maxPercent}}% of RAM{{range}})"
      },
      aboveGuideline: {
        message: "vm.min_free_kbytes={{value}} ({{size}}) is {{percent}}% of the host's {{total}}, above the {{maxPercent}}% guideline",
        help: "lower it to {{limit}} KiB or less: the excess is held back from guests and raises every node's watermarks"
      }
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: { maxPercent: { type: "number", exclusiveMinimum: 0, maximum: 100, description: "Warn above this share of total memory (default 2)." } }
    }
  },
  check(ctx) {
    const host = ctx.host.model;
    const value = host.minFreeKbytes;
    if (value === void 0) return;
    const maxPercent = typeof ctx.options.maxPercent === "number" ? ctx.options.maxPercent : 2;
    const range = () => locateJsonKey(ctx.host.text, "vm.minFreeKbytes");
    const totalKiB = host.nodes.reduce((a, n) => a + (n.memTotalKiB ?? 0), 0);
    if (value < KERNEL_FLOOR_KB) {
      const range1to2 = totalKiB > 0 ? `, ${Math.floor(totalKiB / 100)}\u2013${Math.floor(totalKiB * maxPercent / 100)} KiB on this host` : "";
      ctx.reportHost({
        range: range(),
        severity: "error",
        messageId: "belowFloor",
        data: { value, floor: KERNEL_FLOOR_KB, maxPercent, range: range1to2 }
      });
      return;
    }
    if (totalKiB === 0) return;
    const limit = Math.floor(totalKiB * maxPercent / 100);
    if (value > limit) {
      ctx.reportHost({
        range: range(),
        messageId: "aboveGuideline",
        data: { value, size: formatKiB(value), percent: (value / totalKiB * 100).toFixed(1), total: formatKiB(totalKiB), maxPercent, limit }
      });
    }
  }
});

// rules/missing-emulatorpin/index.ts
var missing_emulatorpin_default = defineDomainRule({
  meta: {
    id: "missing-emulatorpin",
    name: "MissingEmulatorpin",
    severity: "warning",
    severities: ["warning", "error", "info"],
    type: "problem",
    fixable: true,
    hasSuggestions: false,
    summary: "A domain pins its vCPUs but leaves QEMU's emulator threads floating over the vCPUs' CPUs (an error when those vCPUs are realtime).",
    tags: ["pinning", "latency", "realtime"],
    messages: {
      floating: {
        message: "vCPUs are pinned{{pinned}} but the emulator threads can run on {{over}}",
        help: "{{advice}}"
      },
      realtimeStarves: {
        message: "{{vcpus}} are fifo/rr and QEMU's emulator threads can run on their CPUs {{cpus}}: the guest can hang",
        help: "{{advice}}"
      },
      keptAwayByLibvirt: {
        message: "no <emulatorpin>: libvirt {{version}} keeps the emulator on {{cpus}}, away from the pinned vCPUs",
        help: "add {{pin}} to keep it there on libvirt older than {{since}} and after isolation changes"
      },
      versionUnknown: {
        message: "the host's libvirt version is unknown: unpinned QEMU threads assumed to run on every online CPU",
        help: "libvirt {{since}} and later leave isolated CPUs out; set libvirtVersion in the snapshot or the config hosts[] entry"
      }
    }
  },
  check({ domain, host, source, report, reportHostOnce }) {
    if (!isPinned(domain)) return;
    const model = host?.model;
    const emulator = effectiveEmulatorAffinity(domain, model);
    if (emulator.source !== "all-online") return;
    const pinGroups = vcpuAffinityGroups(domain, model).filter((g) => g.affinity.source === "vcpupin" && g.affinity.cpus);
    const vcpuCpus = pinGroups.reduce((acc, g) => acc.union(g.affinity.cpus), CpuSet.empty);
    const at = domain.cputune?.element.startTag ?? domain.vcpu?.element.startTag ?? domain.element.startTag;
    const target = housekeepingTargetFor(vcpuCpus, model);
    const fix = target && domain.cputune ? insertLastChild(source.text, domain.cputune.element, { name: "emulatorpin", attributes: [["cpuset", target.cpus.toString()]] }) : void 0;
    const defaults = model ? defaultThreadAffinity(model) : void 0;
    if (defaults?.assumed) {
      reportHostOnce("libvirt-version-unknown", { unchecked: true, messageId: "versionUnknown", data: { since: DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE } });
    }
    const emulatorCpus = emulator.cpus;
    const shared = emulatorCpus ? vcpuCpus.intersect(emulatorCpus) : vcpuCpus;
    if (defaults?.excludesIsolated && shared.isEmpty) {
      report({
        range: at,
        severity: "info",
        messageId: "keptAwayByLibvirt",
        data: {
          version: String(model.libvirtVersion ?? ""),
          cpus: describeCpus(emulatorCpus),
          pin: target ? `<emulatorpin cpuset='${target.cpus.toString()}'/>` : "<emulatorpin>",
          since: DEFAULT_AFFINITY_EXCLUDES_ISOLATED_SINCE
        }
      });
      return;
    }
    const realtime = realtimeVcpus(domain, model);
    const realtimeHit = pinGroups.filter((g) => g.affinity.cpus.intersects(shared)).reduce((acc, g) => acc.union(g.vcpus.intersect(realtime)), CpuSet.empty);
    if (!realtimeHit.isEmpty) {
      const cpus = pinGroups.filter((g) => g.vcpus.intersects(realtimeHit)).reduce((acc, g) => acc.union(g.affinity.cpus), CpuSet.empty).intersect(shared);
      report({ range: at, severity: "error", messageId: "realtimeStarves", data: { vcpus: describeVcpus(realtimeHit), cpus: cpus.toString(), advice: advice(target) }, fix });
      return;
    }
    const pinned = vcpuCpus.isEmpty ? "" : ` (${describeCpus(vcpuCpus)})`;
    let over;
    if (!model) over = "every online host CPU, the vCPUs' own included";
    else if (defaults?.excludesIsolated) over = `${describeCpus(emulatorCpus)}, the vCPUs' non-isolated CPUs ${shared.toString()} included`;
    else {
      const isolated = model.isolation?.isolated;
      over = `every online host CPU (${model.online.toString()})${isolated && !isolated.isEmpty ? ", isolated ones too" : ""}`;
    }
    report({ range: at, messageId: "floating", data: { pinned, over, advice: advice(target) }, fix });
  }
});
function advice(target) {
  if (!target) {
    return "add <emulatorpin cpuset='\u2026'/> to <cputune> naming the host's housekeeping CPUs, or one spare CPU for the emulator";
  }
  const where = target.nodes ? `housekeeping ${describeCpus(target.cpus)} on host ${describeNodes(target.nodes)}` : `housekeeping ${describeCpus(target.cpus)}`;
  return `add <emulatorpin cpuset='${target.cpus.toString()}'/> to pin them to ${where}`;
}

// rules/no-host-cpu-left/index.ts
var no_host_cpu_left_default = defineHostRule({
  meta: {
    id: "no-host-cpu-left",
    name: "NoHostCpuLeft",
    severity: "warning",
    severities: ["warning", "error"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A guest has as many running vCPUs as the host has online CPUs, and they may run on all of them: nothing is left for the host (an error when they are realtime).",
    tags: ["pinning", "capacity", "realtime"],
    messages: {
      everyCpu: {
        message: "{{vcpus}} ({{count}} running) may occupy every online host CPU ({{online}}): nothing is left for the host",
        help: "leave the host at least one core: lower <vcpu> to {{fewer}} or fewer and pin the vCPUs off CPUs {{keep}}, where the emulator, IRQs and the host's own threads run"
      },
      everyCpuRealtime: {
        message: "{{vcpus}} run SCHED_{{policy}} and may occupy every online host CPU ({{online}}): the host can hang",
        help: "a busy realtime vCPU is never preempted by the host's kernel threads, so with no CPU left they starve; leave CPUs {{keep}} to the host and pin the vCPUs elsewhere"
      }
    }
  },
  check({ domain, host, report }) {
    const model = host.model;
    const online = model.online;
    if (online.isEmpty || !domain.vcpu) return;
    const running = domain.maxVcpus - domain.offlineVcpus.size;
    if (running < online.size) return;
    let reach = CpuSet.empty;
    let vcpus = CpuSet.empty;
    for (const g of vcpuAffinityGroups(domain, model)) {
      if (!g.affinity.cpus) return;
      reach = reach.union(g.affinity.cpus.intersect(online));
      vcpus = vcpus.union(g.vcpus);
    }
    if (!online.isSubsetOf(reach)) return;
    const first = online.min;
    const keep = model.housekeeping && !model.housekeeping.isEmpty ? model.housekeeping : (model.siblingsOf(first) ?? CpuSet.of(first)).intersect(online);
    const realtime = realtimeVcpus(domain, model);
    const realtimeReach = vcpuAffinityGroups(domain, model).filter((g) => g.vcpus.intersects(realtime)).reduce((acc, g) => acc.union(g.affinity.cpus.intersect(online)), CpuSet.empty);
    const policy = domain.cputune?.vcpusched.find((s) => s.scheduler === "fifo" || s.scheduler === "rr")?.scheduler;
    if (!realtime.isEmpty && online.isSubsetOf(realtimeReach) && policy) {
      report({
        range: domain.vcpu.element.startTag,
        severity: "error",
        messageId: "everyCpuRealtime",
        data: { vcpus: describeVcpus(realtime), policy: policy.toUpperCase(), online: online.toString(), keep: keep.toString() }
      });
      return;
    }
    report({
      range: domain.vcpu.element.startTag,
      messageId: "everyCpu",
      data: { vcpus: describeVcpus(vcpus), count: running, online: describeCpus(online).replace(/^CPUs? /, ""), fewer: Math.max(1, online.size - keep.size), keep: keep.toString() }
    });
  }
});

// rules/not-a-domain/index.ts
var not_a_domain_default = defineDomainRule({
  meta: {
    id: "not-a-domain",
    name: "NotADomain",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A file named on the command line whose root element is not <domain>.",
    tags: ["xml"],
    messages: {
      notADomain: { message: "root element is <{{root}}>, not <domain>: not a libvirt domain definition", help: "lint only domain XML, or leave this file out of the paths" }
    }
  },
  // Nothing to check here: the runner reports a named file whose root is not <domain> (src/engine/core.ts), and such a file reaches no domain rule.
  check() {
  }
});

// rules/numa-memory-insufficient/index.ts
var numa_memory_insufficient_default = definePlanRule({
  meta: {
    id: "numa-memory-insufficient",
    name: "NumaMemoryInsufficient",
    severity: "error",
    severities: ["error", "warning"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "The small-page guests bound strictly to a host NUMA node need more than its free memory, or leave it below its high watermark.",
    tags: ["numa", "memory", "capacity", "oom"],
    messages: {
      exceedsFree: {
        message: "{{guests}} bound strictly to host node {{node}} {{need}} {{planned}} of small pages; the node has {{free}} free",
        help: "bind guests to another node, back them with hugepages, or shrink them: a strict binding does not fall back"
      },
      exceedsFreeIfEven: {
        message: "{{guests}} bound strictly to host node {{node}}{{over}} {{need}} {{planned}} there if the split is even; it has {{free}} free",
        help: "bind each guest cell to one node with <memnode> so the memory per node is known, and make it fit"
      },
      belowHigh: {
        message: "{{guests}} bound strictly to host node {{node}} {{leave}} {{left}} of its {{free}} free, below its high watermark {{high}}",
        help: "move {{move}} of guest memory elsewhere: kswapd on node {{node}} otherwise reclaims continuously (vm.min_free_kbytes={{minFree}})"
      },
      noFree: { message: "the snapshot has no free memory for host {{nodes}}: numa-memory-insufficient is not checked there" }
    }
  },
  check(ctx) {
    const host = ctx.host.model;
    const perNode = /* @__PURE__ */ new Map();
    for (const on of ctx.domains) {
      for (const s of strictSmallPageShares(on.domain)) {
        let byDomain = perNode.get(s.node);
        if (!byDomain) perNode.set(s.node, byDomain = /* @__PURE__ */ new Map());
        let c = byDomain.get(on);
        if (!c) byDomain.set(on, c = { on, kib: 0, spreadOver: void 0, exactKiB: 0, bindings: /* @__PURE__ */ new Map() });
        c.kib += s.kib;
        if (!s.spread) c.exactKiB += s.kib;
        const b = s.demand.binding;
        if (s.spread && s.demand.target.kind === "set") c.spreadOver = s.demand.target.nodes.toString();
        c.bindings.set(b.element, b.nodesetAttr);
      }
    }
    if (perNode.size === 0) return;
    const { all, memoryless } = hostNodeSets(host);
    const watermarks = hostNodeWatermarks(host);
    const noFree = [];
    for (const [node, byDomain] of [...perNode].sort((a, b) => a[0] - b[0])) {
      if (!all.has(node) || memoryless.has(node)) continue;
      const free = host.node(node).memFreeKiB;
      if (free === void 0) {
        noFree.push(node);
        continue;
      }
      const contributions = [...byDomain.values()].sort((a, b) => b.kib - a.kib);
      const planned = contributions.reduce((a, c) => a + c.kib, 0);
      const share = watermarks?.shares.get(node);
      const verdict = nodeMemoryVerdict({ freeKiB: free, plannedKiB: planned, minKiB: share?.minKiB, highKiB: share?.highKiB });
      if (verdict?.rule !== "numa-memory-insufficient") continue;
      const places = contributions.flatMap((c) => [...c.bindings].map(([element, attr]) => ({ c, range: attr?.valueRange ?? element.startTag })));
      const at = places[0];
      const related = places.slice(1).map(
        (p) => ({
          file: p.c.on.source,
          range: p.range,
          message: p.c === at.c ? "also bound to this node here" : `${excerpt(p.c.on.domain.name ?? p.c.on.source.path, 40)} binds ${formatKiB(p.c.kib)} here`
        })
      );
      const one = contributions.length === 1;
      const who = { guests: one ? "the guest" : `${contributions.length} guests`, node };
      const exact = contributions.reduce((a, c) => a + c.exactKiB, 0);
      const certain = exact > free;
      if (verdict.level === "exceeds-free" && certain) {
        ctx.report(at.c.on, {
          range: at.range,
          messageId: "exceedsFree",
          data: { ...who, need: one ? "needs" : "need", planned: formatKiB(planned), free: formatKiB(free) },
          related
        });
      } else if (verdict.level === "exceeds-free") {
        const spread = contributions.find((c) => c.spreadOver !== void 0)?.spreadOver;
        ctx.report(at.c.on, {
          range: at.range,
          severity: "warning",
          messageId: "exceedsFreeIfEven",
          data: { ...who, over: spread ? ` (among nodes ${spread})` : "", need: one ? "needs" : "need", planned: formatKiB(planned), free: formatKiB(free) },
          related
        });
      } else {
        ctx.report(at.c.on, {
          range: at.range,
          severity: "warning",
          messageId: "belowHigh",
          data: {
            ...who,
            leave: one ? "leaves" : "leave",
            left: formatKiB(free - planned),
            free: formatKiB(free),
            high: formatKiB(share.highKiB),
            move: formatKiB(planned - (free - share.highKiB)),
            minFree: host.minFreeKbytes ?? "?"
          },
          related
        });
      }
    }
    if (noFree.length > 0) {
      ctx.reportHost({ unchecked: true, messageId: "noFree", data: { nodes: describeNodes(CpuSet.of(...noFree)) } });
    }
  }
});

// rules/numatune-invalid/index.ts
var numatune_invalid_default = defineDomainRule({
  meta: {
    id: "numatune-invalid",
    name: "NumatuneInvalid",
    severity: "error",
    severities: ["error", "warning"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A <numatune> libvirt rejects: memnode for a missing or repeated guest cell, memnode under automatic placement, static placement without nodeset.",
    tags: ["numa", "memory"],
    messages: {
      unknownPlacement: { message: "<memory placement='{{value}}'> is not a placement libvirt knows", help: "use static or auto" },
      noNodeset: {
        message: "<numatune><memory> has static placement{{implied}} but no nodeset: libvirt rejects this at define time",
        help: "add nodeset='\u2026', or placement='auto'"
      },
      nodesetIgnored: {
        message: "nodeset is ignored with placement='auto': libvirt drops it and numad chooses the nodes",
        help: "remove the nodeset, or use placement='static' to keep it"
      },
      memnodeAuto: {
        message: "<memnode> under automatic placement ({{by}}): libvirt rejects per-cell binding with numad",
        help: "use static placement with a nodeset, or drop the <memnode>"
      },
      memnodeNoCells: {
        message: "<memnode> binds a guest NUMA cell but the domain defines none: libvirt rejects this at define time",
        help: "define <cpu><numa> cells, or bind the whole guest with <memory nodeset>"
      },
      noCellid: { message: "<memnode> has no cellid: libvirt rejects it at define time", help: "name the guest cell it binds, e.g. cellid='0'" },
      memnodeNoNodeset: {
        message: '<memnode> has no nodeset: libvirt rejects it ("Missing required nodeset attribute in memnode element")',
        help: "name the host nodes for the cell"
      },
      cellidBeyond: {
        message: "<memnode cellid='{{cellid}}'> but the guest has {{cells}}: libvirt rejects this at define time",
        help: "bind only cells the guest has"
      },
      cellidTwice: {
        message: 'guest cell {{cellid}} has a second <memnode>: libvirt rejects this ("Multiple memnode elements with cellid {{cellid}}")',
        help: "keep one <memnode> per cell"
      },
      restrictiveMismatch: {
        message: "<memnode cellid='{{cellid}}'> mode {{mode}} with <memory> mode {{memMode}}: libvirt rejects this at define time",
        help: "use mode 'restrictive' on both or on neither"
      }
    }
  },
  check({ domain, report }) {
    const nt = domain.numatune;
    if (!nt) return;
    const mem = nt.memory;
    const placement = numatunePlacement(domain);
    if (mem) {
      const p = mem.placementAttr;
      if (p && p.value !== "static" && p.value !== "auto") {
        report({ range: p.valueRange, messageId: "unknownPlacement", data: { value: excerpt(p.value) } });
      } else if (placement === "static" && !mem.nodeset) {
        report({ range: mem.element.startTag, messageId: "noNodeset", data: { implied: p ? "" : " (from <vcpu>, the default)" } });
      } else if (placement === "auto" && mem.nodeset && p?.value === "auto") {
        report({ range: mem.nodeset.attr.valueRange, severity: "warning", messageId: "nodesetIgnored" });
      }
    }
    if (nt.memnodes.length === 0) return;
    const cells = domain.cpu?.cells.length ?? 0;
    const others = (message) => nt.memnodes.slice(1).map((m) => ({ range: m.element.startTag, message }));
    if (placement === "auto") {
      const by = mem?.placementAttr?.value === "auto" ? "<memory placement='auto'>" : "<vcpu placement='auto'>";
      report({ range: nt.memnodes[0].element.startTag, messageId: "memnodeAuto", data: { by }, related: others("another <memnode> here") });
      return;
    }
    if (cells === 0) {
      report({ range: nt.memnodes[0].element.startTag, messageId: "memnodeNoCells", related: others("another <memnode> here") });
      return;
    }
    const seen = /* @__PURE__ */ new Map();
    for (const m of nt.memnodes) {
      if (!m.cellidAttr) {
        report({ range: m.element.startTag, messageId: "noCellid" });
        continue;
      }
      if (!m.nodeset) report({ range: m.element.startTag, messageId: "memnodeNoNodeset" });
      if (m.cellid === void 0) continue;
      const first = seen.get(m.cellid);
      if (m.cellid >= cells) {
        report({ range: m.cellidAttr.valueRange, messageId: "cellidBeyond", data: { cellid: m.cellid, cells: cells === 1 ? "one cell (0)" : `cells 0-${cells - 1}` } });
      } else if (first) {
        report({
          range: m.cellidAttr.valueRange,
          messageId: "cellidTwice",
          data: { cellid: m.cellid },
          related: [{ range: first.cellidAttr.valueRange, message: `the first <memnode> for cell ${m.cellid}` }]
        });
      } else {
        seen.set(m.cellid, m);
        const memMode = mem?.mode ?? "strict";
        if (memMode === "restrictive" !== (m.mode === "restrictive")) {
          report({ range: m.element.startTag, messageId: "restrictiveMismatch", data: { cellid: m.cellid, mode: m.mode, memMode: mem ? memMode : `${memMode} (none written)` } });
        }
      }
    }
  }
});

// rules/numatune-memoryless-node/index.ts
var numatune_memoryless_node_default = defineHostRule({
  meta: {
    id: "numatune-memoryless-node",
    name: "NumatuneMemorylessNode",
    severity: "error",
    severities: ["error", "warning"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A <numatune> nodeset names host NUMA nodes that have no memory (all of them: error; some: warning).",
    tags: ["numa", "memory", "host"],
    messages: {
      onlyMemoryless: {
        message: "{{label}} binds memory (mode {{mode}}) only to host {{nodes}}, without memory: the kernel refuses the policy",
        help: "bind it to {{instead}}, ideally the one nearest to the CPUs the guest runs on"
      },
      someMemoryless: {
        message: "{{label}} nodeset includes host {{nodes}}, without memory: the kernel allocates only from {{rest}}",
        help: "remove {{them}} from the nodeset so it says where the memory really is"
      }
    }
  },
  check({ domain, host, report }) {
    const nt = domain.numatune;
    if (!nt || numatunePlacement(domain) !== "static") return;
    const { all, memoryless } = hostNodeSets(host.model);
    if (memoryless.isEmpty) return;
    const withMemory = all.subtract(memoryless);
    const check = (label, mode, c) => {
      const set = c?.set;
      if (!set) return;
      const named2 = set.intersect(all);
      const empty = named2.intersect(memoryless);
      if (empty.isEmpty) return;
      const instead = withMemory.isEmpty ? "a node with memory" : `a node with memory (${withMemory.toString()})`;
      if (empty.equals(named2)) {
        report({ range: c.attr.valueRange, messageId: "onlyMemoryless", data: { label, mode, nodes: describeNodes(empty), instead } });
      } else {
        report({
          range: c.attr.valueRange,
          severity: "warning",
          messageId: "someMemoryless",
          data: { label, nodes: describeNodes(empty), rest: describeNodes(named2.subtract(empty)), them: empty.size === 1 ? "it" : "them" }
        });
      }
    };
    if (nt.memory) check("<numatune><memory>", nt.memory.mode, nt.memory.nodeset);
    for (const m of nt.memnodes) check(`<memnode cellid='${m.cellid ?? "?"}'>`, m.mode, m.nodeset);
  }
});

// rules/pin-crosses-nodeset/index.ts
var pin_crosses_nodeset_default = defineHostRule({
  meta: {
    id: "pin-crosses-nodeset",
    name: "PinCrossesNodeset",
    severity: "warning",
    severities: ["warning", "info"],
    type: "problem",
    fixable: false,
    hasSuggestions: true,
    summary: "vCPUs pinned to one host NUMA node while <numatune> binds their memory to another (or no <numatune> at all).",
    tags: ["numa", "pinning", "memory"],
    messages: {
      placementAuto: {
        message: "numatune placement is auto: numad picks the nodes at start-up, so the vCPU pins cannot be checked against them"
      },
      noNumatune: {
        message: "vCPUs are pinned to host {{nodes}} but there is no <numatune>: the kernel may place their memory on another node",
        help: "{{advice}}"
      },
      addNumatune: { message: "add <numatune><memory mode='strict' nodeset='{{nodeset}}'/></numatune>" },
      crosses: {
        message: "{{vcpus}} {{run}} on {{cpus}} (host {{hostNodes}}) but {{by}} {{how}}",
        help: "pin {{them}} to {{isolated}}CPUs of {{bound}} ({{target}}) or set nodeset='{{matching}}' on {{by}}"
      },
      setNodeset: { message: "set nodeset='{{nodeset}}' on {{by}}" }
    }
  },
  check({ domain, host, source, report }) {
    if (!isPinned(domain)) return;
    const groups = vcpuAffinityGroups(domain, host.model).filter(
      (g) => (g.affinity.source === "vcpupin" || g.affinity.source === "vcpu-cpuset") && g.affinity.cpus && g.affinity.element
    );
    const pinNodesOf = () => groups.reduce((acc, g) => acc.union(host.model.nodesOfCpus(g.affinity.cpus)), CpuSet.empty);
    if (numatunePlacement(domain) === "auto") {
      report({
        range: (domain.numatune?.memory ?? domain.numatune ?? domain.vcpu)?.element.startTag ?? domain.element.startTag,
        unchecked: true,
        messageId: "placementAuto"
      });
      return;
    }
    if (!domain.numatune) {
      if (soleMemoryNode(host.model) !== void 0) return;
      const pinNodes = pinNodesOf();
      if (hostNodeSets(host.model).withMemory.isSubsetOf(pinNodes)) return;
      const advice2 = pinNodes.size > 1 ? `bind each guest NUMA cell with <memnode> to the node its vCPUs run on, or add <numatune><memory mode='strict' nodeset='${pinNodes.toString()}'/></numatune>` : `add <numatune><memory mode='strict' nodeset='${pinNodes.toString() || "\u2026"}'/></numatune>`;
      const anchor = domain.cputune?.element ?? domain.vcpu?.element;
      report({
        range: (domain.cputune ?? domain.vcpu)?.element.startTag ?? domain.element.startTag,
        messageId: "noNumatune",
        data: { nodes: describeNodes(pinNodes), advice: advice2 },
        suggestions: pinNodes.size === 1 && anchor ? [
          {
            messageId: "addNumatune",
            data: { nodeset: pinNodes.toString() },
            fix: insertAfter(source.text, anchor, {
              name: "numatune",
              attributes: [],
              children: [{ name: "memory", attributes: [["mode", "strict"], ["nodeset", pinNodes.toString()]] }]
            })
          }
        ] : void 0
      });
      return;
    }
    const cells = domain.cpu?.cells ?? [];
    const cellIds = cells.length > 0 ? guestCellIds(domain) : CpuSet.empty;
    const bindings = /* @__PURE__ */ new Map();
    const bindingOf = (cellId) => {
      if (!bindings.has(cellId)) bindings.set(cellId, memoryBinding(domain, cellId));
      return bindings.get(cellId);
    };
    const checked = [];
    let crossing = false;
    const consider = (cellId, vcpus, affinity, hostNodes2) => {
      const binding = bindingOf(cellId);
      if (!binding || !binding.nodes) return;
      checked.push({ cellId, vcpus, cpus: affinity.cpus, hostNodes: hostNodes2, affinity, binding });
      if (!hostNodes2.isSubsetOf(binding.nodes)) crossing = true;
    };
    for (const { vcpus, affinity } of groups) {
      const hostNodes2 = host.model.nodesOfCpus(affinity.cpus);
      if (cells.length === 0) {
        consider(void 0, vcpus, affinity, hostNodes2);
        continue;
      }
      let inNoCell = vcpus;
      for (const c of cells) {
        const set = c.cpus?.set;
        if (!set) continue;
        inNoCell = inNoCell.subtract(set);
        if (c.id !== void 0 && set.intersects(vcpus)) consider(c.id, set.intersect(vcpus), affinity, hostNodes2);
      }
      if (!inNoCell.isEmpty) consider(cellIds.min, inNoCell, affinity, hostNodes2);
    }
    if (!crossing) return;
    const nodesByBinding = /* @__PURE__ */ new Map();
    for (const p of checked) nodesByBinding.set(p.binding.element, (nodesByBinding.get(p.binding.element) ?? CpuSet.empty).union(p.hostNodes));
    const hk = host.model.housekeeping;
    const isolated = hk ? host.model.online.subtract(hk) : void 0;
    const hostNodes = hostNodeSets(host.model).all;
    const crossingByBinding = /* @__PURE__ */ new Map();
    for (const p of checked) {
      if (p.hostNodes.isSubsetOf(p.binding.nodes) || !p.binding.nodes.isSubsetOf(hostNodes)) continue;
      const list = crossingByBinding.get(p.binding.element);
      if (list) list.push(p);
      else crossingByBinding.set(p.binding.element, [p]);
    }
    for (const parts of crossingByBinding.values()) {
      const { binding, cellId } = parts[0];
      let vcpus = CpuSet.empty;
      let cpus = CpuSet.empty;
      let onNodes = CpuSet.empty;
      for (const p of parts) {
        vcpus = vcpus.union(p.vcpus);
        cpus = cpus.union(p.cpus);
        onNodes = onNodes.union(p.hostNodes);
      }
      const bound = describeNodes(binding.nodes);
      const by = binding.element.name === "memnode" ? `<memnode cellid='${cellId}'>` : "<memory>";
      const how = binding.mode === "interleave" ? `interleaves memory over host ${bound}` : binding.mode === "preferred" ? `prefers host ${bound} for memory` : `binds memory ${binding.mode === "strict" ? "strictly" : `(mode ${binding.mode})`} to host ${bound}`;
      const nodeCpus = host.model.cpusOfNodes(binding.nodes);
      const useIsolated = isolated !== void 0 && isolated.intersects(nodeCpus);
      const target = useIsolated ? isolated.intersect(nodeCpus) : nodeCpus;
      const matching = nodesByBinding.get(binding.element) ?? onNodes;
      const rangeOf = (p) => p.affinity.source === "vcpupin" ? p.affinity.element.startTag : p.affinity.attr?.range ?? p.affinity.element.startTag;
      report({
        range: rangeOf(parts[0]),
        severity: binding.mode === "interleave" ? "info" : void 0,
        messageId: "crosses",
        data: {
          vcpus: describeVcpus(vcpus),
          run: vcpus.size === 1 ? "runs" : "run",
          cpus: describeCpus(cpus),
          hostNodes: describeNodes(onNodes),
          by,
          how,
          them: vcpus.size === 1 ? "it" : "them",
          isolated: useIsolated ? "isolated " : "",
          bound,
          target: target.toString() || "none",
          matching: matching.toString()
        },
        related: parts.slice(1).map((p) => ({ range: rangeOf(p), message: `${describeVcpus(p.vcpus)} on ${describeCpus(p.cpus)} here` })),
        suggestions: matching.size === 1 && binding.nodesetAttr ? [{ messageId: "setNodeset", data: { nodeset: matching.toString(), by }, fix: replaceAttributeValue(binding.nodesetAttr, matching.toString()) }] : void 0
      });
    }
  }
});

// src/model/cpu-availability.ts
function hostExistingCpus(host) {
  if (host.present && host.possible) return host.present.intersect(host.possible).union(host.online);
  const existing = host.present ?? host.possible;
  return existing?.union(host.online);
}
function cpuAvailability(host, cpus) {
  const online = cpus.intersect(host.online);
  const notOnline = cpus.subtract(host.online);
  const existing = hostExistingCpus(host);
  if (existing === void 0) return { online, offline: CpuSet.empty, absent: CpuSet.empty, unlisted: notOnline };
  return { online, offline: notOnline.intersect(existing), absent: notOnline.subtract(existing), unlisted: CpuSet.empty };
}

// rules/pin-target-offline/index.ts
function pinAttrs(d, host) {
  const byAttr = /* @__PURE__ */ new Map();
  for (const t of domainThreads(d, host)) {
    const a = t.affinity;
    if (a.source === "all-online" || a.source === "placement-auto" || !a.attr || !a.cpus) continue;
    const entry = byAttr.get(a.attr);
    if (entry) entry.threads.push(t);
    else byAttr.set(a.attr, { source: a.source, attr: a.attr, cpus: a.cpus, threads: [t] });
  }
  return [...byAttr.values()];
}
function describePin(p) {
  const owner = p.source;
  if (owner === "vcpupin") return `the vcpupin of ${describeThread(p.threads[0])}`;
  if (owner === "emulatorpin") return "the emulatorpin";
  if (owner === "iothreadpin") return `the iothreadpin of ${describeThread(p.threads[0])}`;
  const ids = (kind) => p.threads.filter((t) => t.kind === kind).reduce((acc, t) => acc.union(t.ids), CpuSet.empty);
  const vcpus = ids("vcpu");
  const iothreads = ids("iothread");
  const takers = [
    ...vcpus.isEmpty ? [] : [describeVcpus(vcpus)],
    ...p.threads.some((t) => t.kind === "emulator") ? ["the emulator"] : [],
    ...iothreads.isEmpty ? [] : [`${iothreads.size === 1 ? "IOThread" : "IOThreads"} ${iothreads.toString()}`]
  ];
  return `<vcpu cpuset> (taken by ${listNames(takers)})`;
}
function hostCpuLists(h) {
  if (h.present) return `present CPUs ${h.present.toString()}`;
  if (h.possible) return `possible CPUs ${h.possible.toString()}`;
  return `online CPUs ${h.online.toString()}`;
}
var pin_target_offline_default = defineHostRule({
  meta: {
    id: "pin-target-offline",
    name: "PinTargetOffline",
    severity: "error",
    severities: ["error", "warning"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A CPU pin or numatune nodeset names CPUs or NUMA nodes the host does not have, or CPUs that are offline.",
    tags: ["pinning", "numa", "host"],
    messages: {
      noOnlineCpu: {
        message: "{{what}} {{leave}} no online CPU: {{facts}}; the guest does not start",
        help: "pin to online CPUs ({{online}}): setting an affinity with no online CPU fails with EINVAL"
      },
      absentCpus: {
        message: "{{what}} {{name}} {{cpus}}, which the host does not have ({{hostCpus}}); the guest does not start",
        help: "drop them from the pin{{keep}}: libvirt's cpuset cgroup rejects CPUs the host does not have"
      },
      offlineCpus: {
        message: "{{what}} {{name}} {{facts}}",
        help: "bring them online or drop them from the pin: the threads run only on {{online}} meanwhile, and on cgroup v1 the guest does not start"
      },
      absentNodes: {
        message: "{{label}} names host {{nodes}}, which the host does not have (its nodes: {{hostNodes}}); the guest does not start",
        help: 'name existing nodes: libvirt reports "NUMA node {{first}} is unavailable"'
      }
    }
  },
  check({ domain, host, report }) {
    if (!domain.cputune && !domain.vcpu?.cpuset && !domain.numatune) return;
    const h = host.model;
    const byKind = /* @__PURE__ */ new Map();
    for (const pin of pinAttrs(domain, h)) {
      const { cpus } = pin;
      if (cpus.isSubsetOf(h.online)) continue;
      const a = cpuAvailability(h, cpus);
      const notOnline = a.offline.union(a.absent).union(a.unlisted);
      if (notOnline.isEmpty) continue;
      const parts = [];
      if (!a.absent.isEmpty) parts.push(`${describeCpus(a.absent)} not on the host`);
      if (!a.offline.isEmpty) parts.push(`${describeCpus(a.offline)} offline`);
      if (!a.unlisted.isEmpty) parts.push(`${describeCpus(a.unlisted)} not online (the snapshot cannot tell offline from absent)`);
      const kind = a.online.isEmpty ? "none" : !a.absent.isEmpty ? "absent" : "offline";
      const list = byKind.get(kind) ?? [];
      list.push({ pin, what: describePin(pin), online: a.online, absent: a.absent, notOnline, facts: parts.join(", ") });
      byKind.set(kind, list);
    }
    for (const [kind, hits] of byKind) {
      const first = hits[0];
      const related = hits.slice(1).map((x) => ({ range: x.pin.attr.valueRange, message: `${x.what}: ${x.facts}` }));
      const what = hits.length === 1 ? first.what : `${hits.length} pins (${first.what} and others)`;
      if (kind === "none") {
        report({
          range: first.pin.attr.valueRange,
          messageId: "noOnlineCpu",
          data: {
            what: hits.length === 1 ? `${first.what} cpuset='${excerpt(first.pin.attr.value)}'` : what,
            leave: hits.length === 1 ? "leaves" : "leave",
            facts: hits.length === 1 ? first.facts : `${describeCpus(hits.reduce((acc, x) => acc.union(x.notOnline), CpuSet.empty))} not online`,
            online: h.online.toString() || "none"
          },
          related
        });
      } else if (kind === "absent") {
        const absent2 = hits.reduce((acc, x) => acc.union(x.absent), CpuSet.empty);
        const keep = hits.reduce((acc, x) => acc.union(x.online), CpuSet.empty);
        report({
          range: first.pin.attr.valueRange,
          messageId: "absentCpus",
          data: { what, name: hits.length === 1 ? "names" : "name", cpus: describeCpus(absent2), hostCpus: hostCpuLists(h), keep: keep.isEmpty ? "" : ` (online ones it names: ${keep.toString()})` },
          related
        });
      } else {
        const online = hits.reduce((acc, x) => acc.union(x.online), CpuSet.empty);
        const facts = hits.reduce((acc, x) => acc.union(x.notOnline), CpuSet.empty);
        report({
          range: first.pin.attr.valueRange,
          severity: "warning",
          messageId: "offlineCpus",
          data: { what, name: hits.length === 1 ? "includes" : "include", facts: hits.length === 1 ? first.facts : `${describeCpus(facts)}, not online`, online: describeCpus(online) },
          related
        });
      }
    }
    const nt = domain.numatune;
    if (!nt) return;
    const nodes = hostNodeSets(h).all;
    if (nodes.isEmpty) return;
    if (numatunePlacement(domain) !== "static") return;
    const bad = [];
    const checkNodeset = (label, c) => {
      const set = c?.set;
      if (!set || !c) return;
      const absent2 = set.subtract(nodes);
      if (!absent2.isEmpty) bad.push({ label, c, absent: absent2 });
    };
    if (nt.memory) checkNodeset("<numatune><memory>", nt.memory.nodeset);
    for (const m of nt.memnodes) checkNodeset(`<memnode cellid='${m.cellid ?? "?"}'>`, m.nodeset);
    if (bad.length === 0) return;
    const absent = bad.reduce((acc, b) => acc.union(b.absent), CpuSet.empty);
    report({
      range: bad[0].c.attr.valueRange,
      messageId: "absentNodes",
      data: { label: bad.length === 1 ? bad[0].label : `${bad[0].label} (and ${bad.length - 1} more)`, nodes: describeNodes(absent), hostNodes: nodes.toString() || "none", first: absent.min },
      related: bad.slice(1).map((b) => ({ range: b.c.attr.valueRange, message: `${b.label} names ${describeNodes(b.absent)} here` }))
    });
  }
});

// rules/pinned-guest-cpu-model/index.ts
var HOST_MODES = /* @__PURE__ */ new Set(["host-passthrough", "host-model", "maximum"]);
var pinned_guest_cpu_model_default = defineDomainRule({
  meta: {
    id: "pinned-guest-cpu-model",
    name: "PinnedGuestCpuModel",
    severity: "info",
    type: "suggestion",
    fixable: false,
    hasSuggestions: false,
    summary: "A pinned domain uses a named or default CPU model instead of host-passthrough or host-model.",
    tags: ["pinning", "cpu-model"],
    messages: {
      noCpu: {
        message: "the pinned guest has no <cpu>, so it gets the hypervisor's default CPU model (qemu64 on x86)",
        help: "use <cpu mode='host-passthrough'> (host-model if it migrates between different hosts), a <topology> matching the pins"
      },
      model: {
        message: "the pinned guest's CPU is {{what}}: it hides host CPU features such as invariant TSC",
        help: "use <cpu mode='host-passthrough'> (host-model if it migrates between different hosts), a <topology> matching the pins"
      }
    }
  },
  check({ domain, report }) {
    if (domain.type !== "kvm" || !isPinned(domain)) return;
    const cpu = domain.cpu;
    const mode = cpu?.mode;
    if (mode !== void 0 && HOST_MODES.has(mode)) return;
    if (!cpu) {
      report({
        range: (domain.vcpu?.element ?? domain.element).startTag,
        messageId: "noCpu"
      });
      return;
    }
    const modeAttr = attribute(cpu.element, "mode");
    const named2 = firstChild(cpu.element, "model")?.text.trim();
    const what = mode === void 0 || mode === "custom" ? named2 ? `the named model '${excerpt(named2, 40)}'` : "mode 'custom' without <model> (the default)" : `mode '${excerpt(mode, 40)}'`;
    report({
      range: modeAttr?.valueRange ?? cpu.element.startTag,
      messageId: "model",
      data: { what }
    });
  }
});

// src/model/qemu-defaults.ts
var DEFAULT_BALLOON_ARCHES = /* @__PURE__ */ new Set([
  "i686",
  "x86_64",
  "ppc64",
  "ppc64le",
  "ppc",
  "ppcemb",
  "alpha",
  "sh4",
  "sh4eb",
  "s390",
  "s390x",
  "sparc64",
  "mips",
  "mipsel",
  "mips64",
  "mips64el"
]);
var X86_MACHINES_WITHOUT_DEFAULTS = /^(isapc|microvm)$/;
function effectiveMemballoon(d) {
  const written = d.devices.memballoon();
  if (written) return { model: written.model, element: written.element };
  if (d.type !== "kvm" && d.type !== "qemu") return void 0;
  const os = d.devices.osType();
  const arch = os?.arch;
  if (!arch || !DEFAULT_BALLOON_ARCHES.has(arch)) return void 0;
  if ((arch === "x86_64" || arch === "i686") && os.machine !== void 0 && X86_MACHINES_WITHOUT_DEFAULTS.test(os.machine)) return void 0;
  return { model: "virtio", element: void 0 };
}

// rules/realtime-guest-hygiene/index.ts
var realtime_guest_hygiene_default = defineDomainRule({
  meta: {
    id: "realtime-guest-hygiene",
    name: "RealtimeGuestHygiene",
    severity: "info",
    type: "suggestion",
    fixable: true,
    hasSuggestions: true,
    summary: "A realtime guest lacks part of libvirt's kvm-realtime setup: hugepages, locked memory, nosharepages, no memory balloon, PMU off.",
    tags: ["realtime", "memory", "latency"],
    messages: {
      noHugepages: {
        message: "{{who}} but guest RAM is not backed by hugepages: TLB misses and page migration stall vCPUs",
        help: "add <hugepages> (1 GiB pages ideally) to <memoryBacking>"
      },
      notLocked: {
        message: "{{who}} but memory is not locked: the host may swap out QEMU's memory and stall a vCPU",
        help: "add <locked/> to <memoryBacking>, with a <memtune><hard_limit> (see locked-memory-risk)"
      },
      noNosharepages: {
        message: "{{who}} but <nosharepages/> is missing: KSM may merge guest pages, then copy them on write",
        help: "add <nosharepages/> to <memoryBacking>"
      },
      balloon: {
        message: "{{who}} but the guest has a memory balloon (model '{{model}}'): it takes memory at run time",
        help: "use <memballoon model='none'/>"
      },
      implicitBalloon: {
        message: "{{who}} but there is no <memballoon>: libvirt adds a virtio balloon for this machine type",
        help: "add <memballoon model='none'/> to <devices>"
      },
      pmu: {
        message: "{{who}} but the virtual PMU is {{state}}: guest perf counters add VM exits and jitter",
        help: "set <pmu state='off'/> in <features>"
      },
      pmuOff: { message: "set <pmu state='off'/>" }
    }
  },
  check({ domain, source, report }) {
    if (!isRealtimeDomain(domain)) return;
    const rt = realtimeVcpus(domain);
    const who = `${describeVcpus(rt)} ${rt.size === 1 ? "has" : "have"} realtime scheduling`;
    const text = source.text;
    const mb = domain.memoryBacking;
    const memAt = (mb?.element ?? domain.memory?.element ?? domain.element).startTag;
    if (!mb?.hugepages) {
      report({
        range: memAt,
        messageId: "noHugepages",
        data: { who }
      });
    }
    if (!mb?.locked) {
      report({
        range: memAt,
        messageId: "notLocked",
        data: { who }
      });
    }
    if (!mb?.nosharepages) {
      report({
        range: memAt,
        messageId: "noNosharepages",
        data: { who },
        fix: nosharepagesFix(text, domain)
      });
    }
    const balloon = effectiveMemballoon(domain);
    if (balloon && balloon.model !== "none") {
      const model = balloon.element ? attribute(balloon.element, "model") : void 0;
      const range = model?.valueRange ?? balloon.element?.startTag ?? (firstChild(domain.element, "devices") ?? domain.element).startTag;
      if (balloon.element) report({ range, messageId: "balloon", data: { who, model: excerpt(balloon.model ?? "", 24) } });
      else report({ range, messageId: "implicitBalloon", data: { who } });
    }
    const pmu = domain.devices.pmu();
    if (pmu?.state !== "off") {
      const features = domain.devices.features();
      const state = pmu ? attribute(pmu.element, "state") : void 0;
      let fix;
      let suggestions;
      if (state && pmu?.state === "on") {
        suggestions = [{ messageId: "pmuOff", fix: replaceAttributeValue(state, "off") }];
      } else if (!pmu && features) {
        fix = insertChild(text, features, { name: "pmu", attributes: [["state", "off"]] }, formatterPredecessor(features, "pmu", FEATURES_CHILD_ORDER));
      }
      report({
        range: state?.valueRange ?? pmu?.element.startTag ?? features?.startTag ?? domain.element.startTag,
        // The guest's perf counters and NMI watchdog run on counters KVM emulates with host perf events.
        messageId: "pmu",
        data: { who, state: !pmu ? "not turned off" : pmu.state === void 0 ? "on (<pmu> without state)" : `'${excerpt(pmu.state, 16)}'` },
        fix,
        suggestions
      });
    }
  }
});
function nosharepagesFix(text, domain) {
  const mb = domain.memoryBacking?.element;
  if (mb) return insertChild(text, mb, { name: "nosharepages", attributes: [] }, formatterPredecessor(mb, "nosharepages", MEMORY_BACKING_CHILD_ORDER));
  return insertChild(
    text,
    domain.element,
    { name: "memoryBacking", attributes: [], children: [{ name: "nosharepages", attributes: [] }] },
    formatterPredecessor(domain.element, "memoryBacking", DOMAIN_CHILD_ORDER)
  );
}

// rules/realtime-sched-unsafe/index.ts
var realtime_sched_unsafe_default = defineDomainRule({
  meta: {
    id: "realtime-sched-unsafe",
    name: "RealtimeSchedUnsafe",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A thread with realtime scheduling (fifo or rr) can run on several CPUs, shares its CPU with another thread of the guest, or runs on housekeeping CPUs.",
    tags: ["realtime", "pinning", "latency"],
    messages: {
      vcpu: {
        message: "{{subject}} {{has}} scheduler='{{policy}}'{{priority}} but {{reasons}}",
        help: "pin {{each}} to one isolated CPU of its own: a busy SCHED_{{POLICY}} thread starves whatever else needs its CPU"
      },
      thread: {
        message: "{{subject}} {{has}} scheduler='{{policy}}'{{priority}} but {{reasons}}",
        help: "give it one isolated CPU of its own, or drop the realtime policy (kvm-realtime keeps QEMU's other threads normal)"
      }
    }
  },
  check({ domain, host, report }) {
    if (!domain.cputune || !hasRealtimeSched(domain)) return;
    const model = host?.model;
    const hk = model?.housekeeping;
    const pinned = isPinned(domain);
    const dedicated = dedicatedCpuSet(domain, model);
    const sharing = /* @__PURE__ */ new Map();
    const pending = [];
    for (const t of domainThreads(domain, model)) {
      if (!isRealtimePolicy(t.policy) || ownedElsewhere(t, pinned, dedicated)) continue;
      const a = t.affinity;
      const plural = t.ids.size > 1;
      const verb = (one, many) => plural ? many : one;
      const reasons = [];
      let sharedCpu;
      let sharedWith = [];
      if (a.source === "all-online") {
        reasons.push(`${verb("has", "have")} no pin and may run on every online host CPU${model ? ` (${model.online.toString()})` : ""}`);
      } else if (a.source === "placement-auto") {
        reasons.push(`${verb("follows", "follow")} numad's placement (<vcpu placement='auto'>), which spans whole host nodes`);
      } else if (!a.cpus) {
        continue;
      } else if (!isDedicated(a)) {
        reasons.push(`${verb("spans", "span")} ${describeCpus(a.cpus)} (not one CPU)`);
      } else {
        const threads = sharingThreads(domain, t, model).map(describeThread);
        const shared = boundedNames(threads);
        if (t.ids.size > 1 && t.kind === "vcpu") reasons.push(`all run on ${describeCpus(a.cpus)}${shared.length > 0 ? `, shared with ${listNames(shared)} too` : ""}`);
        else if (shared.length > 0) {
          reasons.push(`${verb("shares", "share")} ${describeCpus(a.cpus)} with ${listNames(shared)}`);
          sharedCpu = a.cpus.min;
          sharedWith = threads;
        }
      }
      if (t.kind !== "vcpu" && hk && a.cpus) {
        const onHk = a.cpus.intersect(hk);
        if (!onHk.isEmpty) reasons.push(`may run on housekeeping ${describeCpus(onHk)}`);
      }
      if (reasons.length === 0) continue;
      const sched = t.sched;
      const pin = a.source === "vcpupin" || a.source === "emulatorpin" || a.source === "iothreadpin" ? a.attr : void 0;
      const range = (pin ?? attribute(sched.element, "scheduler"))?.valueRange ?? sched.element.startTag;
      const subject = describeThread(t);
      const earlier = sharedCpu !== void 0 ? sharing.get(sharedCpu) : void 0;
      if (earlier && reasons.length === 1 && earlier.names.has(subject)) {
        earlier.related.push({ range, message: `${subject} (scheduler='${t.policy}') on ${describeCpus(a.cpus)} here` });
        continue;
      }
      const related = [];
      if (sharedCpu !== void 0 && !sharing.has(sharedCpu)) sharing.set(sharedCpu, { names: new Set(sharedWith), related });
      const data = {
        subject,
        has: verb("has", "have"),
        policy: t.policy,
        priority: t.priority !== void 0 ? ` priority='${t.priority}'` : "",
        reasons: reasons.join(" and ")
      };
      if (t.kind === "vcpu") {
        const vcpuData = { ...data, each: plural ? "each vCPU" : "it", POLICY: t.policy.toUpperCase() };
        pending.push(() => report({ range, messageId: "vcpu", data: vcpuData, related }));
      } else {
        pending.push(() => report({ range, messageId: "thread", data, related }));
      }
    }
    for (const r of pending) r();
  }
});
function hasRealtimeSched(d) {
  const ct = d.cputune;
  const rt = (s) => s?.scheduler === "fifo" || s?.scheduler === "rr";
  return ct.vcpusched.some(rt) || ct.iothreadsched.some(rt) || rt(ct.emulatorsched);
}
function ownedElsewhere(t, pinned, dedicated) {
  if (!pinned || t.kind === "vcpu") return false;
  const source = t.affinity.source;
  if (t.kind === "emulator") return source === "all-online";
  return source === "all-online" || source === "vcpu-cpuset" && t.affinity.cpus !== void 0 && t.affinity.cpus.intersects(dedicated);
}
function sharingThreads(d, t, model) {
  const out = [];
  for (const o of threadsOnCpu(d, t.affinity.cpus.min, model, { except: t, explicitOnly: true })) {
    const vcpuPair = t.kind === "vcpu" || o.kind === "vcpu";
    if (vcpuPair && t.kind !== o.kind) {
      const vcpu = t.kind === "vcpu" ? t : o;
      if (isDedicated(vcpu.affinity)) continue;
    }
    out.push(o);
  }
  return out;
}
function boundedNames(names3, max = 4) {
  return names3.length <= max ? names3 : [...names3.slice(0, max - 1), `${names3.length - max + 1} more threads`];
}

// rules/running-affinity-drift/index.ts
function allowedSets(threads) {
  const sets = [];
  for (const t of threads) {
    const s = snapshotCpus(t.allowedCpus);
    if (!sets.some((x) => x.equals(s))) sets.push(s);
  }
  return sets;
}
function idsOf(threads, role) {
  return [...new Set(threads.filter((t) => t.role === role && t.id !== void 0).map((t) => t.id))].sort((a, b) => a - b);
}
var running_affinity_drift_default = defineHostRule({
  meta: {
    id: "running-affinity-drift",
    name: "RunningAffinityDrift",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A running vCPU, emulator or IOThread of this guest is allowed on other CPUs than the XML gives it (pinning changed live, or the XML since the start).",
    tags: ["drift", "pinning", "running"],
    messages: {
      drift: {
        message: "{{thread}} of running guest {{guest}} is allowed on CPUs {{running}}; the XML gives it {{xml}}",
        help: "the file in git is the reviewed one: restart the guest or re-pin it live (virsh vcpupin/emulatorpin/iothreadpin --live), or put the live change in the file"
      }
    }
  },
  check({ domain: d, host, report }) {
    const model = host.model;
    const guest = runningGuestOf(model, d);
    if (!guest) return;
    const check = (thread, threads, affinity) => {
      if (threads.length === 0 || affinity.cpus === void 0 || affinity.source === "placement-auto") return;
      const want = affinity.cpus;
      const accepted = affinity.source === "all-online" && model.isolation ? [want, want.subtract(model.isolation.isolated)] : [want];
      const drifted = allowedSets(threads).filter((s) => !accepted.some((a) => a.equals(s)));
      if (drifted.length === 0) return;
      report({
        range: affinity.attr?.range ?? (affinity.element ?? d.vcpu?.element ?? d.element).startTag,
        messageId: "drift",
        data: {
          thread,
          guest: guest.name,
          running: drifted.map((s) => s.toString() || "none").join(" and "),
          xml: affinity.source === "all-online" ? `all online CPUs (${want.toString()})` : `CPUs ${want.toString()}`
        }
      });
    };
    for (const id of idsOf(guest.threads, "vcpu")) {
      if (id >= d.maxVcpus) continue;
      check(`vCPU ${id}`, guest.threads.filter((t) => t.role === "vcpu" && t.id === id), effectiveVcpuAffinity(d, id, model));
    }
    check("the emulator", emulatorThreads(guest), effectiveEmulatorAffinity(d, model));
    for (const id of idsOf(guest.threads, "iothread")) {
      if (!d.iothreadIds.includes(id)) continue;
      check(`IOThread ${id}`, guest.threads.filter((t) => t.role === "iothread" && t.id === id), effectiveIothreadAffinity(d, id, model));
    }
  }
});

// rules/running-guest-unmatched/index.ts
var running_guest_unmatched_default = definePlanRule({
  meta: {
    id: "running-guest-unmatched",
    name: "RunningGuestUnmatched",
    severity: "info",
    type: "suggestion",
    fixable: false,
    hasSuggestions: false,
    summary: "A guest runs on the host that no domain file mapped to it describes, or a domain mapped to the host is not running there.",
    tags: ["drift", "running"],
    messages: {
      notRunning: {
        message: "domain {{domain}} is mapped to {{host}} but was not running there at capture time",
        help: "start it there, or map it to the host it runs on (hosts in kvmlint.config.json); capture again after guests start"
      },
      unknown: {
        message: "{{count}} with no domain file mapped to this host: {{names}}",
        help: "add their files to the mapping of this host, or find out who started them"
      }
    }
  },
  check({ host, domains, report, reportHost }) {
    const model = host.model;
    if (!hasRunningGuests(model)) return;
    for (const on of domains) {
      if (runningGuestOf(model, on.domain)) continue;
      const nameEl = on.domain.element.children.find((c) => c.name === "name");
      report(on, { range: (nameEl ?? on.domain.element).startTag, messageId: "notRunning", data: { domain: on.domain.name ?? "(unnamed)", host: model.name } });
    }
    const unknown = (model.snapshot.running?.guests ?? []).filter((g) => !domains.some((on) => guestMatches(g, on.domain)));
    if (unknown.length === 0) return;
    const names3 = unknown.map((g) => g.name);
    reportHost({
      range: locateJsonKey(host.text, "running.guests"),
      messageId: "unknown",
      data: { count: `${names3.length} running guest${names3.length === 1 ? "" : "s"}`, names: `${names3.slice(0, 5).join(", ")}${names3.length > 5 ? ", \u2026" : ""}` }
    });
  }
});

// rules/running-memory-drift/index.ts
var DEFAULT_MAX_OFF_NODESET_PERCENT = 5;
var DEFAULT_MIN_HUGEPAGE_PERCENT = 50;
function percent(part, whole) {
  return `${Math.round(part * 1e3 / whole) / 10}%`;
}
var running_memory_drift_default = defineHostRule({
  meta: {
    id: "running-memory-drift",
    name: "RunningMemoryDrift",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A running guest's memory is not where <numatune> binds it, runs on small pages though <hugepages> is set, or lacks the <vcpusched> policy.",
    tags: ["drift", "numa", "hugepages", "realtime", "running"],
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        maxOffNodesetPercent: { type: "number", minimum: 0, maximum: 100, description: "share of resident memory tolerated outside the nodeset (default 5)" },
        minHugepagePercent: { type: "number", minimum: 0, maximum: 100, description: "share of resident memory a <hugepages> guest must have in hugepages (default 50)" }
      }
    },
    messages: {
      offNodeset: {
        message: "{{share}} of running guest {{guest}}'s memory ({{size}}) is on node {{nodes}}, outside nodeset {{nodeset}}",
        help: "restart the guest so the strict binding applies from its first allocation, or move it live with virsh numatune --live"
      },
      smallPages: {
        message: "running guest {{guest}} has {{share}} of its resident memory in hugepages though <hugepages> is set",
        help: "check the per-node hugepage pools, then restart the guest so QEMU backs its memory with hugepages again"
      },
      notRealtime: {
        message: "vCPU {{vcpus}} of running guest {{guest}} run {{running}}, not {{wanted}} as <vcpusched> says",
        help: "restart the guest, or set the policy live (chrt -f -p PRIORITY TID) on its vCPU threads"
      }
    }
  },
  check({ domain: d, host, options, report }) {
    const guest = runningGuestOf(host.model, d);
    if (!guest) return;
    const maxOff = Number(options.maxOffNodesetPercent ?? DEFAULT_MAX_OFF_NODESET_PERCENT);
    const minHuge = Number(options.minHugepagePercent ?? DEFAULT_MIN_HUGEPAGE_PERCENT);
    const memory = guest.memory ?? [];
    const total = memory.reduce((a, m) => a + m.kib, 0);
    const numatune = d.numatune;
    if (total > 0 && numatune && numatune.memory?.placement !== "auto") {
      let nodes = numatune.memory?.nodeset?.set ?? CpuSet.empty;
      for (const mn of numatune.memnodes) nodes = nodes.union(mn.nodeset?.set ?? CpuSet.empty);
      const where = numatune.memory?.nodeset ?? numatune.memnodes.find((m) => m.nodeset)?.nodeset;
      const off = memory.filter((m) => !nodes.has(m.node));
      const offKiB = off.reduce((a, m) => a + m.kib, 0);
      if (!nodes.isEmpty && where && offKiB * 100 > total * maxOff) {
        report({
          range: where.attr.range,
          messageId: "offNodeset",
          data: {
            share: percent(offKiB, total),
            guest: guest.name,
            size: formatKiB(offKiB),
            nodes: CpuSet.of(...off.map((m) => m.node)).toString(),
            nodeset: nodes.toString()
          }
        });
      }
    }
    const hugepages = d.memoryBacking?.hugepages;
    if (hugepages && total > 0) {
      const base = host.model.snapshot.pageSizeKiB ?? Math.min(...memory.map((m) => m.pageSizeKiB));
      const hugeKiB = memory.filter((m) => m.pageSizeKiB > base).reduce((a, m) => a + m.kib, 0);
      if (hugeKiB * 100 < total * minHuge) {
        report({ range: hugepages.element.startTag, messageId: "smallPages", data: { guest: guest.name, share: percent(hugeKiB, total) } });
      }
    }
    const wrongBySched = /* @__PURE__ */ new Map();
    for (const group of domainThreads(d, host.model)) {
      if (group.kind !== "vcpu" || !isRealtimePolicy(group.policy) || !group.sched) continue;
      const wrong = guest.threads.filter(
        (t) => t.role === "vcpu" && t.id !== void 0 && group.ids.has(t.id) && t.policy !== void 0 && (t.policy !== group.policy || group.priority !== void 0 && t.priority !== group.priority)
      );
      if (wrong.length === 0) continue;
      const entry = wrongBySched.get(group.sched.element) ?? { wanted: `${group.policy} ${group.priority ?? ""}`.trimEnd(), threads: [] };
      entry.threads.push(...wrong);
      wrongBySched.set(group.sched.element, entry);
    }
    for (const [element, { wanted, threads }] of wrongBySched) {
      const first = threads[0];
      report({
        range: element.startTag,
        messageId: "notRealtime",
        data: { vcpus: CpuSet.of(...threads.map((t) => t.id)).toString(), guest: guest.name, running: `${first.policy} ${first.priority ?? 0}`, wanted }
      });
    }
  }
});

// src/schema/locate.ts
function elementAtPath(root, xpath2) {
  const steps = xpath2.split("/").filter(Boolean);
  const first = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(steps[0] ?? "");
  if (!first || first[1] !== root.name && first[1] !== "*") return void 0;
  let cur = root;
  for (const step of steps.slice(1)) {
    const m = /^([^[\]()@]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m) break;
    const [, name, index] = m;
    const candidates = name === "*" ? cur.children : cur.children.filter((c) => c.name === name);
    const next = candidates[(index ? Number(index) : 1) - 1];
    if (!next) break;
    cur = next;
  }
  return cur;
}
function elementAtLine(root, lines, line) {
  let after;
  const visit = (el) => {
    const start = lines.position(el.startTag.start).line;
    const end = lines.position(el.startTag.end).line;
    if (start <= line && line <= end) return el;
    if (start > line) {
      after ??= el;
      return void 0;
    }
    for (const c of el.children) {
      const hit = visit(c);
      if (hit || after) return hit;
    }
    return void 0;
  };
  return visit(root) ?? after;
}
function namedElement(message) {
  return /^Extra element (\S+) in interleave/.exec(message)?.[1] ?? /^Did not expect element (\S+) there/.exec(message)?.[1] ?? /^Expecting element \S+, got (\S+)/.exec(message)?.[1] ?? /^Element \S+ has extra content: (\S+)/.exec(message)?.[1];
}
var EXACT = /^(?:Invalid attribute |Type \S+ doesn't allow value|Error validating (?:datatype|value|list)|Datatype element |Value element |List element )/;
function siteOf(element, message, exact) {
  const attrName = /^Invalid attribute (\S+) for element (\S+)/.exec(message);
  const attribute2 = attrName && attrName[2] === element.name ? element.attributes.find((a) => a.name === attrName[1]) : void 0;
  return { element, ...attribute2 ? { attribute: attribute2 } : {}, range: attribute2 ? attribute2.range : element.startTag, message, exact };
}
function locateSchemaFailure(root, lines, failure) {
  const details = failure.details;
  const first = details[0];
  const message = first?.message ?? "the document does not match the schema";
  if (failure.kind === "unparsable") {
    const at2 = first && first.line > 0 ? elementAtLine(root, lines, first.line) : void 0;
    return siteOf(at2 ?? root, message, false);
  }
  if (first?.xpath) {
    const el = elementAtPath(root, first.xpath);
    if (el) return siteOf(el, message, EXACT.test(message));
  }
  const named2 = first ? namedElement(first.message) : void 0;
  const located = details.find((d) => d.xpath);
  const parent = located?.xpath ? elementAtPath(root, located.xpath) : void 0;
  if (parent) {
    if (!named2 || parent.name === named2) return siteOf(parent, message, false);
    const matches = parent.children.filter((c) => c.name === named2);
    return siteOf(matches.length === 1 ? matches[0] : parent, message, false);
  }
  const line = details.find((d) => d.line > 0)?.line;
  const at = line !== void 0 ? elementAtLine(root, lines, line) : void 0;
  return siteOf(at ?? root, message, false);
}
function blanked(text, start, end) {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, " ") + text.slice(end);
}
function blamedValueHolds(text, lines, element, validate) {
  const parent = element.parent;
  if (!parent) return true;
  const siblings = parent.children.filter((c) => c !== element);
  if (siblings.length === 0) return true;
  let without = text;
  for (const s of siblings) without = blanked(without, s.range.start, s.range.end);
  const again = validate(without);
  if (!again) return false;
  const line = again.details.find((d) => d.line > 0)?.line;
  return line === void 0 || line <= lines.position(element.range.end).line;
}
var LINEAR_SCAN_MAX = 8;
function narrowSchemaFailure(text, from, validate, budget = 64) {
  let left = budget;
  const validWithout = (start, end) => left-- <= 0 ? void 0 : !validate(blanked(text, start, end));
  const halve = (kids) => {
    if (kids.length === 1) {
      const ok = validWithout(kids[0].range.start, kids[0].range.end);
      return ok === void 0 ? void 0 : ok ? kids[0] : null;
    }
    const mid = kids.length >> 1;
    for (const part of [kids.slice(0, mid), kids.slice(mid)]) {
      const ok = validWithout(part[0].range.start, part[part.length - 1].range.end);
      if (ok === void 0) return void 0;
      if (ok) return halve(part);
    }
    return null;
  };
  let found;
  for (let el = from; ; ) {
    const kids = el.children;
    if (kids.length === 0) return found;
    let next = halve(kids);
    if (next === null && kids.length <= LINEAR_SCAN_MAX) {
      for (const kid of kids) {
        const ok = validWithout(kid.range.start, kid.range.end);
        if (ok === void 0) break;
        if (ok) {
          next = kid;
          break;
        }
      }
    }
    if (!next) return found;
    found = next;
    el = next;
  }
}

// rules/schema-invalid/index.ts
var MAX_MESSAGE = 120;
var messages3 = {
  unreadable: {
    message: 'libxml2, the XML parser libvirt uses, cannot read this file: "{{said}}"',
    help: "correct the XML here: libvirt cannot read the file either"
  },
  namespace: {
    message: 'libxml2 reports "{{said}}": libvirt reads the file but not this element',
    help: "declare the namespace prefix on <domain> (QEMU pass-through: xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0')"
  },
  attribute: {
    message: `libvirt's schema rejects attribute {{attribute}}='{{value}}' of <{{element}}>: "{{said}}"`,
    help: "use an attribute and value libvirt's Domain XML format allows here"
  },
  value: {
    message: `libvirt's schema rejects a value of <{{element}}>: "{{said}}"`,
    help: "use a value libvirt's Domain XML format allows here"
  },
  culprit: {
    message: "libvirt's schema rejects <{{culprit}}> or something inside it: the domain validates without it",
    help: `check <{{culprit}}> against libvirt's Domain XML format (libxml2 stopped at <{{element}}>: "{{said}}")`
  },
  unknownElement: {
    message: "<{{element}}> is defined nowhere in the schemas at {{dir}}{{version}}: they are older than it, or it is misspelt",
    help: "validate against the schemas of the libvirt you deploy to (--schema DIR), or correct the element name"
  },
  stopped: {
    message: `libvirt's schema rejects <{{element}}> or something inside it: "{{said}}"`,
    help: "check it (attributes, text, children) against libvirt's Domain XML format; libxml2 says nothing more precise"
  }
};
var schema_invalid_default = defineDomainRule({
  meta: {
    id: "schema-invalid",
    name: "SchemaInvalid",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "libvirt's RelaxNG schema (domain.rng) rejects the domain; reported where validation stopped (only with --schema).",
    tags: ["schema"],
    messages: messages3
  },
  check({ source, schema, report }) {
    if (!schema || !source.doc.root) return;
    const failure = schema.validate(source.text);
    if (!failure) return;
    const site = locateSchemaFailure(source.doc.root, source.lines, failure);
    const libxml2 = site.message.replace(/\s+/g, " ").trim();
    const element = excerpt(site.element.name, 32);
    const said = (id, data) => {
      const rest = messages3[id].message.replace(/\{\{(\w+)\}\}/g, (_, k) => k === "said" ? "" : data[k] ?? "");
      return excerpt(libxml2, Math.max(32, MAX_MESSAGE - rest.length));
    };
    const unknown = failure.kind === "invalid" && !site.attribute && !site.exact ? firstUndefinedElement(source.doc.root, schema.facts().definedElements) : void 0;
    if (failure.kind === "unparsable" && (failure.details[0]?.level ?? 3) >= 3) {
      report({ range: site.range, messageId: "unreadable", data: { said: said("unreadable", {}) } });
    } else if (failure.kind === "unparsable") {
      report({ range: site.range, messageId: "namespace", data: { said: said("namespace", {}) } });
    } else if (site.attribute) {
      const data = { attribute: excerpt(site.attribute.name, 32), value: excerpt(site.attribute.value, 32), element };
      report({ range: site.range, messageId: "attribute", data: { ...data, said: said("attribute", data) } });
    } else if (site.exact && blamedValueHolds(source.text, source.lines, site.element, (text) => schema.validate(text))) {
      report({ range: site.range, messageId: "value", data: { element, said: said("value", { element }) } });
    } else if (site.exact && site.element.parent) {
      const parent = site.element.parent;
      const culprit = narrowSchemaFailure(source.text, parent, (text) => schema.validate(text));
      if (culprit) {
        report({ range: culprit.startTag, messageId: "culprit", data: { culprit: excerpt(culprit.name, 32), element, said: excerpt(libxml2, 80) } });
        return;
      }
      const where = excerpt(parent.name, 32);
      report({ range: parent.startTag, messageId: "stopped", data: { element: where, said: said("stopped", { element: where }) } });
    } else if (unknown !== void 0) {
      const { libvirtVersion } = schema.facts();
      report({
        range: unknown.startTag,
        messageId: "unknownElement",
        data: { element: excerpt(unknown.name, 32), dir: excerpt(schema.shown, 40), version: libvirtVersion ? ` (libvirt ${excerpt(libvirtVersion, 16)})` : "" }
      });
    } else {
      const culprit = narrowSchemaFailure(source.text, site.element, (text) => schema.validate(text));
      if (culprit) {
        report({ range: culprit.startTag, messageId: "culprit", data: { culprit: excerpt(culprit.name, 32), element, said: excerpt(libxml2, 80) } });
        return;
      }
      report({ range: site.range, messageId: "stopped", data: { element, said: said("stopped", { element }) } });
    }
  }
});
function firstUndefinedElement(root, defined) {
  if (defined.size === 0) return void 0;
  const stack = [root];
  while (stack.length > 0) {
    const el = stack.pop();
    if (el.name.includes(":") || el.name === "metadata") continue;
    if (!defined.has(el.name)) return el;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  return void 0;
}

// rules/smt-sibling-sharing/index.ts
var smt_sibling_sharing_default = definePlanRule({
  meta: {
    id: "smt-sibling-sharing",
    name: "SmtSiblingSharing",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "The SMT sibling of a dedicated vCPU's CPU runs other work: another guest, host housekeeping, or this guest's emulator or IOThreads.",
    tags: ["pinning", "smt", "latency"],
    messages: {
      siblingBusy: {
        message: "CPU {{cpu}} ({{vcpus}} of {{guest}}) shares a core with {{siblings}}: {{uses}}",
        help: "leave the sibling idle, or give it to this guest's own vCPUs (with <topology threads='2'>): SMT siblings share execution units"
      },
      noTopology: { message: "the snapshot has no SMT topology (thread siblings) for dedicated {{cpus}}: smt-sibling-sharing is not checked for them" }
    }
  },
  check(ctx) {
    const host = ctx.host.model;
    if (host.smt === false) return;
    const plan = ctx.domains.map((on) => ({ on, uses: affinityUses(on.domain, host) }));
    const pins = [];
    const bySibling = /* @__PURE__ */ new Map();
    let unknown = CpuSet.empty;
    for (const { on, uses } of plan) {
      for (const use of uses) {
        if (!use.explicit || !isDedicated(use.affinity)) continue;
        const vcpus = use.threads.filter((t) => t.kind === "vcpu").reduce((acc, t) => acc.union(t.ids), CpuSet.empty);
        if (vcpus.isEmpty) continue;
        const cpu = use.affinity.cpus.min;
        if (!pinTargetsOnline(host, [cpu])) continue;
        if (onHousekeeping(host, cpu)) continue;
        const core = host.siblingsOf(cpu);
        if (core === void 0) {
          unknown = unknown.union(CpuSet.of(cpu));
          continue;
        }
        const siblings = core.subtract(CpuSet.of(cpu));
        if (siblings.isEmpty || siblings.size > 63) continue;
        const pin = { on, use, cpu, vcpus, siblings, own: { cpus: CpuSet.empty, threads: /* @__PURE__ */ new Set() }, others: /* @__PURE__ */ new Map() };
        pins.push(pin);
        for (const s of siblings.toArray(64)) {
          const list = bySibling.get(s);
          if (list) list.push(pin);
          else bySibling.set(s, [pin]);
        }
      }
    }
    if (!unknown.isEmpty) {
      ctx.reportHost({ unchecked: true, messageId: "noTopology", data: { cpus: describeCpus(unknown) } });
    }
    if (pins.length === 0) return;
    const usesOf = new Map(plan.map(({ on, uses }) => [on, uses]));
    const siblingIndex = new SortedCpus(bySibling.keys());
    for (const { on, uses } of plan) {
      for (const use of uses) {
        siblingIndex.forEachIn(use.reach, (s) => {
          for (const pin of bySibling.get(s)) {
            if (pin.on === on) {
              const helpers = use.threads.filter((t) => t.kind !== "vcpu");
              if (helpers.length === 0) continue;
              if (!use.explicit || use.reach.has(pin.cpu)) continue;
              pin.own.cpus = pin.own.cpus.union(CpuSet.of(s));
              for (const t of helpers) pin.own.threads.add(t.kind === "emulator" ? "emulator" : `IOThread ${t.ids.toString()}`);
              continue;
            }
            if (!siblingUseOwnedBySmtRule(usesOf.get(on), pin.cpu)) continue;
            const seen = pin.others.get(on);
            if (seen === void 0) pin.others.set(on, pin.others.size < 3 ? { cpus: CpuSet.of(s), use } : null);
            else if (seen !== null) seen.cpus = seen.cpus.union(CpuSet.of(s));
          }
        });
      }
    }
    const housekeeping = host.housekeeping;
    const guestName2 = (on) => excerpt(on.domain.name ?? on.source.path, 40);
    const reportedCores = /* @__PURE__ */ new Map();
    const findings = [];
    for (const pin of pins) {
      const uses = [];
      const hk = housekeeping?.intersect(pin.siblings) ?? CpuSet.empty;
      if (!hk.isEmpty) uses.push(`${describeCpus(hk)} ${hk.size === 1 ? "is" : "are"} housekeeping`);
      if (!pin.own.cpus.isEmpty) uses.push(`its ${listNames([...pin.own.threads])} ${pin.own.threads.size === 1 ? "runs" : "run"}`);
      if (pin.others.size > 0) {
        const names3 = [];
        for (const [d, o] of pin.others) {
          if (o === null) break;
          names3.push(`${guestName2(d)}${o.use.explicit ? "" : " (not pinned)"}`);
        }
        uses.push(`${listBounded(names3, pin.others.size, 3, "other guests")} can run`);
      }
      if (uses.length === 0) continue;
      findings.push({ pin, uses, core: pin.siblings.union(CpuSet.of(pin.cpu)).toString() });
    }
    for (const { pin, uses, core } of findings) {
      const seen = reportedCores.get(core);
      if (seen) continue;
      const related = findings.filter((f) => f.core === core && f.pin !== pin).map((f) => ({ file: f.pin.on.source, range: f.pin.use.range, message: `CPU ${f.pin.cpu} of the same core dedicated to ${describeVcpus(f.pin.vcpus)} of ${guestName2(f.pin.on)} here` }));
      reportedCores.set(core, { related });
      ctx.report(pin.on, {
        range: pin.use.range,
        messageId: "siblingBusy",
        data: { cpu: pin.cpu, vcpus: describeVcpus(pin.vcpus), guest: guestName2(pin.on), siblings: describeCpus(pin.siblings), uses: uses.join("; ") },
        related
      });
    }
  }
});

// rules/unused-disable-directive/index.ts
var unused_disable_directive_default = defineDomainRule({
  meta: {
    id: "unused-disable-directive",
    name: "UnusedDisableDirective",
    severity: "warning",
    type: "suggestion",
    fixable: false,
    hasSuggestions: false,
    summary: "A kvmlint-disable comment or <metadata> suppression that suppresses no finding (stale, or naming the wrong rule).",
    tags: ["directives"],
    messages: {
      unused: { message: "unused kvmlint-{{kind}} directive ({{what}}{{target}})", help: "remove the directive, or name the rule whose finding it means to silence" },
      unknownRule: { message: "kvmlint-{{kind}} names {{rules}}, which is not a kvmlint rule", help: "check the spelling against `kvmlint rules`" },
      unusedMetadata: {
        message: "unused kvmlint suppression in <metadata> ({{what}}{{target}})",
        help: "remove the <kvmlint:disable> entry, or correct its rules or element path"
      },
      unknownRuleMetadata: { message: "<kvmlint:disable> names {{rules}}, which is not a kvmlint rule", help: "check the spelling against `kvmlint rules`" }
    }
  },
  // Nothing to check per domain: the runner reports this rule's findings itself.
  check() {
  }
});

// rules/value-invalid/index.ts
var value_invalid_default = defineDomainRule({
  meta: {
    id: "value-invalid",
    name: "ValueInvalid",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A number, size, unit or mode that libvirt would reject (non-numeric vcpu, unknown unit, page size 0, implausible counts).",
    tags: ["schema"],
    messages: {
      invalid: { message: "{{detail}}", help: "use a value libvirt's Domain XML format accepts here" }
    }
  },
  check({ domain, report }) {
    for (const p of domain.problems) {
      if (p.ruleId === "value-invalid") report({ range: p.range, messageId: "invalid", data: { detail: p.message }, severity: p.severity });
    }
  }
});

// rules/vcpu-floating-pin/index.ts
var vcpu_floating_pin_default = defineDomainRule({
  meta: {
    id: "vcpu-floating-pin",
    name: "VcpuFloatingPin",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A vcpupin names several host CPUs in a domain laid out for dedicated 1:1 pinning.",
    tags: ["pinning", "latency"],
    messages: {
      besideDedicated: {
        message: "{{vcpus}} {{float}} over {{cpus}} while {{dedicated}} {{have}}: the scheduler moves {{them}} about",
        help: "pin each vCPU to one host CPU of its own, as the others are"
      },
      emulatorApart: {
        message: "{{vcpus}} {{float}} over {{cpus}} in a 1:1 layout (emulator apart, <emulatorpin cpuset='{{emulator}}'>)",
        help: "pin each vCPU to one host CPU of its own; the scheduler moves a floating vCPU and can stack it with other threads"
      }
    }
  },
  check({ domain, host, report }) {
    if ((domain.cputune?.vcpupins.length ?? 0) === 0) return;
    const model = host?.model;
    const pins = vcpuAffinityGroups(domain, model).filter((g) => g.affinity.source === "vcpupin" && g.affinity.cpus && g.affinity.attr);
    const floating = pins.filter((g) => g.affinity.cpus.size > 1);
    if (floating.length === 0) return;
    const pinnedCpus = CpuSet.fromIntervals(pins.flatMap((g) => g.affinity.cpus.intervals()));
    const dedicatedVcpus = CpuSet.fromIntervals(pins.flatMap((g) => g.affinity.cpus.size === 1 ? g.vcpus.intervals() : []));
    const emulatorpin = domain.cputune?.emulatorpin?.cpuset;
    const emulatorApart = emulatorpin?.set !== void 0 && !emulatorpin.set.intersects(pinnedCpus);
    if (dedicatedVcpus.isEmpty && !emulatorApart) return;
    const realtime = realtimeVcpus(domain, model);
    const byCpus = /* @__PURE__ */ new Map();
    for (const g of floating) {
      if (g.vcpus.isSubsetOf(realtime)) continue;
      const key = g.affinity.cpus.toString();
      const list = byCpus.get(key);
      if (list) list.push(g);
      else byCpus.set(key, [g]);
    }
    for (const [, groups] of byCpus) {
      const at = groups[0];
      const cpus = at.affinity.cpus;
      const vcpus = groups.reduce((acc, g) => acc.union(g.vcpus), CpuSet.empty);
      if (model && vcpus.size <= cpus.size && isOneCore(cpus, model)) continue;
      const one = vcpus.size === 1;
      const common = { vcpus: describeVcpus(vcpus), float: one ? "floats" : "float", cpus: describeCpus(cpus) };
      const related = groups.slice(1).map((g) => ({ range: g.affinity.attr.valueRange, message: `${describeVcpus(g.vcpus)} on ${describeCpus(cpus)} here` }));
      if (!dedicatedVcpus.isEmpty) {
        report({
          range: at.affinity.attr.valueRange,
          messageId: "besideDedicated",
          data: { ...common, dedicated: describeVcpus(dedicatedVcpus), have: dedicatedVcpus.size === 1 ? "has a CPU of its own" : "have one CPU each", them: one ? "it" : "them" },
          related
        });
      } else {
        report({ range: at.affinity.attr.valueRange, messageId: "emulatorApart", data: { ...common, emulator: excerpt(emulatorpin.attr.value, 24) }, related });
      }
    }
  }
});
function isOneCore(cpus, host) {
  const core = host.siblingsOf(cpus.min);
  return core !== void 0 && core.size > 1 && core.equals(cpus);
}

// rules/vcpu-id-range/index.ts
var POLICIES2 = /* @__PURE__ */ new Set(["batch", "idle", "fifo", "rr"]);
var RT_PRIORITY = { min: 1, max: 99 };
var messages4 = {
  vcpupinNoVcpu: { message: "<vcpupin> has no vcpu attribute: libvirt rejects it", help: "name the vCPU it pins, e.g. vcpu='0'" },
  vcpupinBeyond: { message: "vcpupin pins vCPU {{vcpu}} but the domain has {{have}}: libvirt silently drops the pin", help: "remove it, or raise <vcpu>" },
  vcpupinTwice: { message: `vCPU {{vcpu}} is pinned a second time: libvirt rejects the domain ("duplicate vcpupin for vcpu '{{vcpu}}'")`, help: "keep one <vcpupin> per vCPU" },
  iothreadpinNoAttr: { message: "<iothreadpin> has no iothread attribute: libvirt rejects it", help: "name the IOThread it pins" },
  iothreadpinMissing: { message: `iothreadpin pins IOThread {{id}} but the domain has {{have}}: libvirt rejects it ("Cannot find 'iothread' : {{id}}")`, help: "{{fix}}" },
  iothreadpinTwice: { message: "IOThread {{id}} is pinned a second time: libvirt rejects the domain", help: "keep one <iothreadpin> per IOThread" },
  schedNoIds: { message: "<{{element}}> has no {{attr}} attribute: libvirt rejects it", help: "name the {{what}} it schedules" },
  schedBeyond: { message: "<{{element}}> names {{ids}} but the domain has {{have}}: libvirt rejects it ({{error}})", help: "{{fix}}" },
  schedOverlap: { message: "<{{element}}> names {{ids}}, which an earlier <{{element}}> already covers: libvirt rejects overlapping sets", help: "schedule each {{what}} in one <{{element}}> only" },
  noScheduler: { message: "{{what}} has no scheduler attribute: libvirt rejects it", help: "use one of batch, idle, fifo, rr" },
  unknownScheduler: { message: "{{what}} scheduler='{{value}}' is not a policy libvirt knows", help: "use batch, idle, fifo or rr" },
  noPriority: { message: "{{what}} scheduler='{{policy}}' has no priority: libvirt rejects it", help: "add priority='1' (1-99; most realtime guests use a low value)" },
  priorityRange: {
    message: `{{what}} priority='{{priority}}' is outside {{policy}}'s 1-99: the domain fails to start ("Scheduler priority {{priority}} out of range")`,
    help: "use a priority from 1 to 99 (most realtime guests use a low value)"
  },
  tuneNoVcpus: { message: `<{{element}}> has no vcpus attribute: libvirt rejects it ("Missing {{element}} attribute 'vcpus'")`, help: "name the vCPUs of the group" },
  tuneCut: { message: "<{{element}}> names {{beyond}} but the domain has {{have}}: libvirt silently cuts the group to {{left}}", help: "name only existing vCPUs" },
  tuneIgnored: { message: "<{{element}}> names {{beyond}} but the domain has {{have}}: libvirt silently ignores the whole element", help: "name only existing vCPUs" },
  tunesIdentical: { message: '{{what}} names the same vCPUs ({{vcpus}}) as {{other}}: libvirt rejects it ("Identical vcpus in {{element}}s found")', help: "merge them into one element" },
  cacheCollision: {
    message: 'cache L{{level}} id {{id}} is allocated twice ({{types}}): libvirt rejects the domain ("Colliding cache allocations")',
    help: "keep one <cache> per level and id, or split it into type='code' and type='data' only"
  },
  bandwidthTwice: {
    message: 'memory bandwidth for node {{id}} is set twice: libvirt rejects it ("Memory Bandwidth already defined for node {{id}}")',
    help: "keep one <node> per id in each <memorytune>"
  },
  bandwidthOver: { message: "bandwidth='{{value}}' is a percentage over 100: libvirt rejects it", help: "use a value from 0 to 100" },
  monitorOutside: {
    message: "<monitor> names {{outside}}, outside its group's vCPUs ({{group}}): libvirt rejects it",
    help: "monitor only the group's own vCPUs"
  },
  tunesOverlap: {
    message: '{{what}} shares {{vcpus}} with {{other}}: libvirt rejects it ("Overlapping vcpus in resctrls")',
    help: "give each vCPU to one resource-control group, or give both the same vcpus"
  }
};
var vcpu_id_range_default = defineDomainRule({
  meta: {
    id: "vcpu-id-range",
    name: "VcpuIdRange",
    severity: "error",
    severities: ["error", "warning", "info"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "A vCPU or IOThread id in <cputune> that the domain does not have, a vCPU pinned twice, or a realtime policy without a valid priority.",
    tags: ["pinning", "scheduling"],
    messages: messages4
  },
  check({ domain, report }) {
    const ct = domain.cputune;
    if (!ct) return;
    const maxKnown = domain.vcpu ? domain.vcpu.maxKnown : true;
    const max = domain.maxVcpus;
    const vcpus = CpuSet.range(0, max - 1);
    const have = `vCPU${max === 1 ? "" : "s"} ${vcpus.toString()}`;
    const pinned = /* @__PURE__ */ new Map();
    for (const pin of ct.vcpupins) {
      if (!pin.vcpuAttr) {
        report({ range: pin.element.startTag, messageId: "vcpupinNoVcpu" });
        continue;
      }
      if (pin.vcpu === void 0) continue;
      const first = pinned.get(pin.vcpu);
      if (maxKnown && pin.vcpu >= max) {
        report({ range: pin.vcpuAttr.valueRange, severity: "warning", messageId: "vcpupinBeyond", data: { vcpu: pin.vcpu, have } });
      } else if (first) {
        report({ range: pin.vcpuAttr.valueRange, messageId: "vcpupinTwice", data: { vcpu: pin.vcpu }, related: [{ range: first, message: `vCPU ${pin.vcpu} first pinned here` }] });
      } else {
        pinned.set(pin.vcpu, pin.vcpuAttr.valueRange);
      }
    }
    checkSchedSets(
      ct.vcpusched.map((sc) => ({ sched: sc, ids: sc.vcpus, attr: sc.vcpusAttr })),
      {
        element: "vcpusched",
        attr: "vcpus",
        what: "vCPU",
        // Without a readable <vcpu> nothing is beyond it.
        existing: maxKnown ? vcpus : void 0,
        have,
        fix: "name only existing vCPUs, or raise <vcpu>",
        describe: describeVcpus,
        notFound: (id) => `"vCPU '${id}' is not present\u2026"`
      },
      report
    );
    if (ct.emulatorsched) checkPolicy(ct.emulatorsched, "<emulatorsched>", report);
    checkIothreads(domain, report);
    for (const t of [...ct.cachetunes, ...ct.memorytunes]) checkTune(t, vcpus, maxKnown ? have : void 0, report);
    checkTuneOverlaps(ct.cachetunes, ct.memorytunes, maxKnown ? vcpus : void 0, report);
    for (const t of ct.cachetunes) checkCacheCollisions(t, report);
    for (const t of ct.memorytunes) checkBandwidths(t, report);
    for (const t of [...ct.cachetunes, ...ct.memorytunes]) checkMonitors(t, maxKnown ? vcpus : void 0, report);
  }
});
function checkPolicy(s, what, report) {
  if (!s.schedulerAttr) {
    report({ range: s.element.startTag, messageId: "noScheduler", data: { what } });
    return;
  }
  if (!POLICIES2.has(s.schedulerAttr.value)) {
    report({ range: s.schedulerAttr.valueRange, messageId: "unknownScheduler", data: { what, value: excerpt(s.schedulerAttr.value) } });
    return;
  }
  if (s.scheduler !== "fifo" && s.scheduler !== "rr") return;
  if (!s.priorityAttr) {
    report({ range: s.element.startTag, messageId: "noPriority", data: { what, policy: s.scheduler } });
    return;
  }
  if (s.priority === void 0) return;
  if (s.priority < RT_PRIORITY.min || s.priority > RT_PRIORITY.max) {
    report({ range: s.priorityAttr.valueRange, messageId: "priorityRange", data: { what, priority: s.priority, policy: s.scheduler } });
  }
}
function checkIothreads(d, report) {
  const ct = d.cputune;
  if (ct.iothreadpins.length === 0 && ct.iothreadsched.length === 0) return;
  const ids = CpuSet.of(...d.iothreadIds);
  const have = ids.isEmpty ? "no IOThreads" : `${ids.size === 1 ? "IOThread" : "IOThreads"} ${ids.toString()}`;
  const fix = ids.isEmpty ? "add <iothreads> (or <iothreadids>) for it, or remove it" : "name an existing IOThread, or add it to <iothreadids>";
  const pinned = /* @__PURE__ */ new Map();
  for (const pin of ct.iothreadpins) {
    if (!pin.iothreadAttr) {
      report({ range: pin.element.startTag, messageId: "iothreadpinNoAttr" });
      continue;
    }
    if (pin.iothread === void 0) continue;
    const first = pinned.get(pin.iothread);
    if (!ids.has(pin.iothread)) {
      report({ range: pin.iothreadAttr.valueRange, messageId: "iothreadpinMissing", data: { id: pin.iothread, have, fix } });
    } else if (first) {
      report({ range: pin.iothreadAttr.valueRange, messageId: "iothreadpinTwice", data: { id: pin.iothread }, related: [{ range: first, message: `IOThread ${pin.iothread} first pinned here` }] });
    } else {
      pinned.set(pin.iothread, pin.iothreadAttr.valueRange);
    }
  }
  checkSchedSets(
    ct.iothreadsched.map((sc) => ({ sched: sc, ids: sc.iothreads, attr: sc.iothreadsAttr })),
    {
      element: "iothreadsched",
      attr: "iothreads",
      what: "IOThread",
      existing: ids,
      have,
      fix,
      describe: (set) => `${set.size === 1 ? "IOThread" : "IOThreads"} ${set.toString()}`,
      notFound: (id) => `"Cannot find 'iothread' : ${id}"`
    },
    report
  );
}
function checkSchedSets(entries, kind, report) {
  let scheduled = CpuSet.empty;
  const earlier = [];
  const { element, what } = kind;
  for (const { sched, ids, attr } of entries) {
    checkPolicy(sched, `<${element}>`, report);
    if (!attr) {
      report({ range: sched.element.startTag, messageId: "schedNoIds", data: { element, attr: kind.attr, what: `${what}s` } });
      continue;
    }
    if (!ids) continue;
    const beyond = kind.existing ? ids.subtract(kind.existing) : CpuSet.empty;
    if (!beyond.isEmpty) {
      report({ range: attr.valueRange, messageId: "schedBeyond", data: { element, ids: kind.describe(beyond), have: kind.have, error: kind.notFound(beyond.min), fix: kind.fix } });
    } else if (scheduled.intersects(ids)) {
      const related = earlier.filter((e) => e.ids.intersects(ids)).map((e) => ({ range: e.range, message: `${kind.describe(e.ids.intersect(ids))} scheduled here first` }));
      report({ range: attr.valueRange, messageId: "schedOverlap", data: { element, ids: kind.describe(scheduled.intersect(ids)), what }, related });
    }
    scheduled = scheduled.union(ids);
    earlier.push({ ids, range: attr.valueRange });
  }
}
function checkTune(t, vcpus, have, report) {
  if (!t.vcpus) {
    report({ range: t.element.startTag, messageId: "tuneNoVcpus", data: { element: t.element.name } });
    return;
  }
  const set = t.vcpus.set;
  if (!set || have === void 0) return;
  const beyond = set.subtract(vcpus);
  if (beyond.isEmpty) return;
  const left = set.intersect(vcpus);
  const data = { element: t.element.name, beyond: describeVcpus(beyond), have };
  if (left.isEmpty) report({ range: t.vcpus.attr.valueRange, severity: "info", messageId: "tuneIgnored", data });
  else report({ range: t.vcpus.attr.valueRange, severity: "info", messageId: "tuneCut", data: { ...data, left: left.toString() } });
}
function checkTuneOverlaps(cachetunes, memorytunes, existing, report) {
  const seen = [];
  for (const t of [...cachetunes, ...memorytunes]) {
    const raw = t.vcpus?.set;
    if (!raw) continue;
    const set = existing ? raw.intersect(existing) : raw;
    if (set.isEmpty) continue;
    for (const o of seen) {
      if (!o.set.intersects(set)) continue;
      const same = o.set.equals(set);
      if (same && o.t.element.name !== t.element.name) continue;
      const what = `<${t.element.name}>`;
      const other = `<${o.t.element.name} vcpus='${excerpt(o.t.vcpus.attr.value)}'>`;
      const related = [{ range: o.t.vcpus.attr.valueRange, message: `the earlier ${other} here` }];
      if (same) report({ range: t.vcpus.attr.valueRange, messageId: "tunesIdentical", data: { what, vcpus: describeVcpus(set), other, element: t.element.name }, related });
      else report({ range: t.vcpus.attr.valueRange, messageId: "tunesOverlap", data: { what, vcpus: describeVcpus(set.intersect(o.set)), other }, related });
      break;
    }
    seen.push({ t, set });
  }
}
var CACHE_TYPES = /* @__PURE__ */ new Set(["both", "code", "data"]);
var UINT = /^\d+$/;
function checkCacheCollisions(t, report) {
  const seen = /* @__PURE__ */ new Map();
  for (const c of childrenNamed(t.element, "cache")) {
    const level = attribute(c, "level")?.value;
    const id = attribute(c, "id")?.value;
    const typeAttr = attribute(c, "type");
    if (!level || !id || !typeAttr || !UINT.test(level) || !UINT.test(id) || !CACHE_TYPES.has(typeAttr.value)) continue;
    const key = `${Number(level)}/${Number(id)}`;
    const earlier = seen.get(key) ?? [];
    const type = typeAttr.value;
    const clash = earlier.find((e) => e.type === "both" || type === "both" || e.type === type);
    if (clash) {
      const related = [{ range: clash.range, message: `the earlier type='${clash.type}' allocation of this cache` }];
      report({ range: c.startTag, messageId: "cacheCollision", data: { level: Number(level), id: Number(id), types: `${clash.type}, ${type}` }, related });
      continue;
    }
    earlier.push({ type, range: c.startTag });
    seen.set(key, earlier);
  }
}
function checkBandwidths(t, report) {
  const seen = /* @__PURE__ */ new Map();
  for (const n of childrenNamed(t.element, "node")) {
    const bw = attribute(n, "bandwidth");
    if (bw && UINT.test(bw.value) && Number(bw.value) > 100) report({ range: bw.valueRange, messageId: "bandwidthOver", data: { value: excerpt(bw.value) } });
    const id = attribute(n, "id")?.value;
    if (!id || !UINT.test(id)) continue;
    const first = seen.get(Number(id));
    if (first) report({ range: n.startTag, messageId: "bandwidthTwice", data: { id: Number(id) }, related: [{ range: first, message: `node ${Number(id)} first set here` }] });
    else seen.set(Number(id), n.startTag);
  }
}
function checkMonitors(t, existing, report) {
  const group = t.vcpus?.set;
  if (!group) return;
  const groupSet = existing ? group.intersect(existing) : group;
  if (groupSet.isEmpty) return;
  for (const m of t.monitors) {
    const raw = m.vcpus?.set;
    if (!raw) continue;
    const outside = (existing ? raw.intersect(existing) : raw).subtract(groupSet);
    if (outside.isEmpty) continue;
    report({ range: m.vcpus.attr.valueRange, messageId: "monitorOutside", data: { outside: describeVcpus(outside), group: groupSet.toString() } });
  }
}

// rules/vcpu-partially-pinned/index.ts
var vcpu_partially_pinned_default = defineDomainRule({
  meta: {
    id: "vcpu-partially-pinned",
    name: "VcpuPartiallyPinned",
    severity: "warning",
    severities: ["warning", "info"],
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "Some vCPUs are pinned and others are not, with no vcpu cpuset to bound them: the unpinned ones float over every host CPU.",
    tags: ["pinning", "latency"],
    messages: {
      floating: {
        message: "{{pinned}} but {{unpinned}} {{are}} not: {{they}} over {{over}}{{included}}",
        help: "add a <vcpupin> for each{{later}}, or bound them with <vcpu cpuset='\u2026'>"
      },
      offlineOnly: {
        message: "{{offline}} {{start}} offline with no <vcpupin>: once hot-plugged {{they}} over {{over}}",
        help: "add a <vcpupin> for each if they will be plugged, as {{pinned}}"
      }
    }
  },
  check({ domain, host, report }) {
    const vcpu = domain.vcpu;
    if (!vcpu || vcpu.cpuset !== void 0 || vcpu.placement === "auto" || (domain.cputune?.vcpupins.length ?? 0) === 0) return;
    if (domain.cputune.vcpupins.some((p) => p.vcpu === void 0) || hasValueProblem(domain, textRange(vcpu.element))) return;
    const model = host?.model;
    const groups = vcpuAffinityGroups(domain, model);
    if (!groups.some((g) => g.affinity.source === "vcpupin")) return;
    const online = groups.find((g) => g.affinity.source === "all-online")?.vcpus ?? CpuSet.empty;
    const offline = offlineUnpinnedVcpus(domain);
    const realtime = realtimeVcpus(domain, model);
    const unpinned = online.subtract(realtime);
    const offlineUnpinned = offline.subtract(realtime);
    if (unpinned.isEmpty && offlineUnpinned.isEmpty) return;
    const pinned = CpuSet.range(0, domain.maxVcpus - 1).subtract(online).subtract(offline);
    const cpus = vcpupinCpus(domain, model);
    const over = model ? `every online host CPU (${model.online.toString()})` : "every host CPU";
    const pinnedPart = `${describeVcpus(pinned)} ${pinned.size === 1 ? "is" : "are"} pinned${cpus.isEmpty ? "" : ` to ${describeCpus(cpus)}`}`;
    if (unpinned.isEmpty) {
      report({
        range: vcpu.element.startTag,
        severity: "info",
        messageId: "offlineOnly",
        data: {
          offline: describeVcpus(offlineUnpinned),
          start: offlineUnpinned.size === 1 ? "starts" : "start",
          they: offlineUnpinned.size === 1 ? "it floats" : "they float",
          over,
          pinned: pinnedPart
        }
      });
      return;
    }
    const later = offlineUnpinned.isEmpty ? "" : ` (and for ${describeVcpus(offlineUnpinned)}, offline at start)`;
    report({
      range: vcpu.element.startTag,
      messageId: "floating",
      data: {
        pinned: pinnedPart,
        unpinned: describeVcpus(unpinned),
        are: unpinned.size === 1 ? "is" : "are",
        they: unpinned.size === 1 ? "it floats" : "they float",
        over,
        included: cpus.isEmpty ? "" : `, ${describeCpus(cpus)} included`,
        later
      }
    });
  }
});

// rules/vcpu-pin-collision/index.ts
var vcpu_pin_collision_default = defineDomainRule({
  meta: {
    id: "vcpu-pin-collision",
    name: "VcpuPinCollision",
    severity: "warning",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "Two vCPUs of one domain are each pinned to the same single host CPU.",
    tags: ["pinning", "latency"],
    messages: {
      shared: {
        message: "{{vcpus}} are all pinned to CPU {{cpu}}: they take turns on one host CPU",
        help: "give each vCPU a CPU of its own; one preempted while holding a guest lock stalls the others spinning on it"
      },
      confined: {
        message: "{{vcpus}} are all confined by <vcpu cpuset='{{cpuset}}'> to CPU {{cpu}}: they take turns on one host CPU",
        help: "give each vCPU a CPU of its own with <vcpupin>; one preempted while holding a guest lock stalls the others spinning on it"
      }
    }
  },
  check({ domain, host, report }) {
    if ((domain.cputune?.vcpupins.length ?? 0) === 0 && domain.vcpu?.cpuset === void 0) return;
    const model = host?.model;
    const dedicated = dedicatedVcpuCpus(domain, model);
    const collisions = [...dedicated].filter(([, vcpus]) => vcpus.size > 1);
    if (collisions.length === 0) return;
    const realtime = realtimeVcpus(domain, model);
    const byCpu = /* @__PURE__ */ new Map();
    for (const g of vcpuAffinityGroups(domain, model)) {
      if (g.affinity.cpus?.size !== 1 || !g.affinity.attr) continue;
      const cpu = g.affinity.cpus.min;
      const list = byCpu.get(cpu);
      if (list) list.push(g);
      else byCpu.set(cpu, [g]);
    }
    for (const [cpu, vcpus] of collisions) {
      if (vcpus.intersects(realtime)) continue;
      const onCpu = byCpu.get(cpu) ?? [];
      if (onCpu.length === 0) continue;
      const at = onCpu[onCpu.length - 1];
      const related = onCpu.slice(0, -1).map((g) => ({ range: g.affinity.attr.valueRange, message: `${describeVcpus(g.vcpus)} pinned to CPU ${cpu} here` }));
      if (at.affinity.source === "vcpu-cpuset") {
        report({ range: at.affinity.attr.valueRange, messageId: "confined", data: { vcpus: describeVcpus(vcpus), cpu, cpuset: excerpt(at.affinity.attr.value) }, related });
      } else {
        report({ range: at.affinity.attr.valueRange, messageId: "shared", data: { vcpus: describeVcpus(vcpus), cpu }, related });
      }
    }
  }
});

// rules/xml-malformed/index.ts
var xml_malformed_default = defineDomainRule({
  meta: {
    id: "xml-malformed",
    name: "XmlMalformed",
    severity: "error",
    type: "problem",
    fixable: false,
    hasSuggestions: false,
    summary: "The file is not well-formed XML; reported at the first fatal parse error.",
    tags: ["xml"],
    messages: {
      malformed: { message: "{{error}}", help: "libvirt rejects a file that is not well-formed XML at define time" }
    }
  },
  // Nothing to check per domain: the runner reports this rule's findings itself.
  check() {
  }
});

// rules/index.ts
var rules = [cpu_topology_mismatch_default, cpuset_syntax_default, dedicated_cpu_conflict_default, duplicate_domain_identity_default, emulatorpin_overlaps_vcpus_default, guest_cell_spans_host_nodes_default, guest_numa_cell_invalid_default, guest_numa_coverage_default, guest_numa_memory_sum_default, guest_smt_topology_mismatch_default, host_definition_drift_default, housekeeping_overlap_default, hugepage_size_decimal_unit_default, hugepage_size_unavailable_default, hugepages_config_invalid_default, insufficient_hugepages_default, iothread_placement_default, isolated_cpu_noise_default, isolation_incomplete_default, isolation_params_consistency_default, isolcpus_floating_affinity_default, locked_memory_risk_default, memory_config_invalid_default, memory_not_hugepage_multiple_default, min_free_kbytes_exceeds_node_free_default, min_free_kbytes_guideline_default, missing_emulatorpin_default, no_host_cpu_left_default, not_a_domain_default, numa_memory_insufficient_default, numatune_invalid_default, numatune_memoryless_node_default, pin_crosses_nodeset_default, pin_target_offline_default, pinned_guest_cpu_model_default, realtime_guest_hygiene_default, realtime_sched_unsafe_default, running_affinity_drift_default, running_guest_unmatched_default, running_memory_drift_default, schema_invalid_default, smt_sibling_sharing_default, unused_disable_directive_default, value_invalid_default, vcpu_floating_pin_default, vcpu_id_range_default, vcpu_partially_pinned_default, vcpu_pin_collision_default, xml_malformed_default];
function readmes() {
  return {
    "cpu-topology-mismatch": "# cpu-topology-mismatch\n\nReports a guest CPU `<topology>` whose product sockets \xD7 dies \xD7 clusters \xD7 cores \xD7 threads is not the maximum vCPU count (the `<vcpu>` text), naming the product and the count. It also reports a `<topology>` that lacks `sockets`, `cores` or `threads`, or sets a count to 0, which libvirt rejects outright. The finding is on the `<topology>` start tag (or on the zero value).\n\n## Why this matters\n\nThe topology is how the guest sees its vCPUs: as sockets, dies, clusters, cores and SMT threads. QEMU has required since 2.5 that it describe exactly the maximum number of vCPUs, and libvirt's QEMU driver enforces this when the domain is defined and when it starts (qemu_validate.c: \"CPU topology doesn't match maximum vcpu count\"). The usual cause is raising or lowering `<vcpu>` (in an editor, or in a template) without touching the topology, or writing `threads='2'` while counting threads as cores.\n\nHow libvirt reads the element (cpu_conf.c `virCPUDefParseXML`):\n\n- `sockets`, `cores` and `threads` are **required** and must not be 0;\n- `dies` and `clusters` are optional, default to 1, and must not be 0 either;\n- the product is compared with the maximum vCPU count, not with `current`. A guest that boots with fewer vCPUs online still needs a topology that holds all of them.\n\nThe product check belongs to the QEMU driver, so it is made for domains of type `kvm`, `qemu` and `hvf` only. The missing-attribute and zero checks are parse errors for every driver. A count that is not a number is left to `value-invalid`.\n\n## Incorrect\n\n```xml\n<vcpu placement='static'>8</vcpu>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' dies='1' cores='4' threads='1'/>\n</cpu>\n```\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' cores='4'/>\n</cpu>\n```\n\n## Correct\n\n```xml\n<vcpu placement='static' current='4'>8</vcpu>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' dies='1' cores='4' threads='2'/>\n</cpu>\n```\n\n## Fix\n\nThere is no automatic fix, because either side may be the wrong one: the vCPU count, or the shape of the topology (more cores, or fewer threads). Make the product equal the maximum vCPU count. For pinned guests, pick a shape that matches the host CPUs the vCPUs are pinned to (`threads='2'` only when the pins are SMT sibling pairs; see `guest-smt-topology-mismatch`).\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt `src/conf/cpu_conf.c`: `virCPUDefParseXML` (required, non-zero `sockets`, `cores`, `threads`; `dies` and `clusters` default to 1).\n- libvirt `src/conf/domain_conf.c`: `virDomainDefGetVcpusTopology` (the product).\n- libvirt `src/qemu/qemu_validate.c`: \"CPU topology doesn't match maximum vcpu count\".\n- libvirt, Domain XML format, \xA7CPU model and topology.\n",
    "cpuset-syntax": "# cpuset-syntax\n\nReports a cpuset or nodeset value that libvirt would reject: a descending range, a range after `^`, a character that is not part of the grammar, an id at or above libvirt's 16384 limit, or a list that selects nothing. It also adds an info note when a `^N` exclusion comes before the range it was meant to cut, and so removes nothing, and when a valid value lists ids out of order, names an id twice or writes a sign before a range end (safe `--fix`: libvirt's canonical form). The finding points at the offending item inside the attribute value.\n\n## Why this matters\n\nOne grammar is shared by every CPU or node list in a domain (`virBitmapParse` in src/util/virbitmap.c): `<vcpu cpuset>`, `vcpupin`, `emulatorpin`, `iothreadpin` and `vcpusched vcpus`, `numatune` `memory`/`memnode` `nodeset`, guest `<cell cpus>`, and hugepage `<page nodeset>`. Items are separated by commas and applied **left to right**:\n\n- `N` adds N; `N-M` adds N to M and needs M \u2265 N;\n- `^N` removes N. Only a single id may follow the caret: `^N-M` is an error;\n- the result must not be empty: every caller in domain_conf.c rejects an all-clear bitmap (\"Invalid value of 'cpuset'\");\n- ids must be below `VIR_DOMAIN_CPUMASK_LEN` (16384).\n\nA value that does not parse makes `virsh define` fail. Worse, a value edited on a running host makes the next `virsh edit` or redeploy fail. kvmlint reports it before then. No other rule can reason about a value that does not parse, so the pins and bindings that use it are skipped by the placement rules.\n\n| value | set | |\n| --- | --- | --- |\n| `0-3,^2` | 0,1,3 | exclusion after the range |\n| `^2,0-3` | 0,1,2,3 | valid, info: the `^2` removes nothing |\n| `4-11,^8,16` | 4-7,9-11,16 | |\n| `7-4` | none | error: descending range |\n| `0-3,^1-2` | none | error: range after `^` |\n| `1,^1` | none | error: empty result |\n| `8-11,0-3` | 0-3,8-11 | valid, info: out of order |\n| `0-3,2` | 0-3 | valid, info: 2 named twice |\n| `0-+3` | 0-3 | valid, info: `strtol` accepts the sign |\n| `4,5,6,7` | 4-7 | valid, not reported: same reading |\n\nBecause items apply in order, `^2,0-3` is {0,1,2,3}: the exclusion runs while 2 is not in the set yet, and the later range adds it back. `0-3,^2` is {0,1,3}. The first form is valid, but it almost never means what its author wanted, so it gets an info note.\n\nA valid value can also be hard to read without being wrong: `8-11,0-3` (items out of ascending order), `0-3,2` or `0,0` (an id named twice, often a copy-paste slip in a list that was meant to differ), `0-+3` (a sign that libvirt's `strtol` accepts and other parsers do not). These get an info note with a safe fix. `virsh dumpxml` writes every such value back in canonical form anyway (`virBitmapFormat`: ascending, runs as `N-M`), so the file then matches what libvirt stores. Listing ids one by one (`4,5,6,7` for `4-7`) reads the same either way and is not reported.\n\nKernel CPU lists (`isolcpus=`, `nohz_full=`, strides like `0-15:2/4`) use a different grammar and are checked on the host snapshot, not here.\n\n## Incorrect\n\n```xml\n<vcpupin vcpu='1' cpuset='7-4'/>\n<emulatorpin cpuset='0-3,^1-2'/>\n<vcpusched vcpus='3-0' scheduler='fifo' priority='1'/>\n<memory mode='strict' nodeset='1,^1'/>\n<vcpupin vcpu='0' cpuset='0x30'/>\n<page size='2048' unit='KiB' nodeset='0-'/>\n```\n\nInfo: the exclusion does nothing.\n\n```xml\n<vcpu placement='static' cpuset='^2,0-3'>2</vcpu>\n```\n\nInfo: valid, but out of order, or naming an id twice.\n\n```xml\n<vcpu placement='static' cpuset='8-11,0-3'>4</vcpu>\n<emulatorpin cpuset='0-3,2'/>\n```\n\n## Correct\n\n```xml\n<vcpupin vcpu='1' cpuset='4-7'/>\n<emulatorpin cpuset='0-3,^1,^2'/>\n<vcpusched vcpus='0-3' scheduler='fifo' priority='1'/>\n<memory mode='strict' nodeset='1'/>\n<vcpu placement='static' cpuset='0-3,^2'>2</vcpu>\n<vcpu placement='static' cpuset='0-3,8-11'>4</vcpu>\n<emulatorpin cpuset='0-3'/>\n```\n\n## Fix\n\n`kvmlint --fix` rewrites a value to libvirt's canonical form (`virBitmapFormat`: ascending, runs as `N-M`) only when all of these hold:\n\n- the value parses, so its set is known;\n- the canonical text means exactly the same set, so nothing changes for libvirt (`virsh dumpxml` would write the same text);\n- the difference matters to a reader: items out of ascending order, an id named twice, or a signed range end. Merging `4,5,6,7` into `4-7` is not worth a finding, so it is never rewritten.\n\nTwo cases are deliberately **not** fixed:\n\n- a value that does not parse: its intent is a guess. Write ranges low to high, exclude single CPUs one at a time (`^1,^2`) after the range they cut, and list ids in decimal;\n- a `^N` before the range it was meant to cut (`^2,0-3`). The canonical form of libvirt's reading, `0-3`, would keep the same set, but it would silently drop the author's visible attempt to exclude 2, turning a probable mistake into an intended-looking value. Instead kvmlint offers two **suggestions**, never applied by `--fix`: the probable intent (`0-1,3`, the exclusion applied), and libvirt's reading written plainly (`0-3`). A person picks one.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt `src/util/virbitmap.c`: `virBitmapParse`, `virBitmapParseInternal` (items, `^`, ranges, limits) and `virBitmapFormat`.\n- libvirt `src/conf/domain_conf.c`: rejection of empty cpusets and nodesets.\n- libvirt, Domain XML format, \xA7CPU Allocation (\"a caret followed by a CPU number to be excluded from a previous range\"), \xA7CPU Tuning, \xA7NUMA Node Tuning, \xA7Memory Backing.\n",
    "dedicated-cpu-conflict": "# dedicated-cpu-conflict\n\nReports a host CPU dedicated to one guest's vCPU (a vCPU whose affinity is exactly that CPU) that another guest planned on the same host can also run on, through any of its affinities: vCPU pins, emulator, IOThreads, `<vcpu cpuset>`, or no pin at all. A CPU two or more guests dedicate is one finding, on the pin of the last of them in plan order (path order: the guest `kvmlint plan` moves, since earlier guests keep their cores), with the other guests' pins related. The dedicating `<vcpupin>` names the other guests, and the other guest's pin (or its `<cputune>`/`<vcpu>` when it has none) names the guest whose CPU it reaches. At most three guests are named per finding, with a count of the rest.\n\n## Why this matters\n\nDedicating a CPU to a vCPU only helps if nothing else runs there. When a second guest's vCPU is pinned to the same CPU, or its emulator's or IOThread's range includes it, the two compete for that CPU. The \"dedicated\" vCPU then sees steal time and latency spikes, and so does the other guest. Nothing in libvirt prevents this: each domain is checked alone, and two domains can name the same CPU without any warning. It shows up only when both run on the same host, which is why this is a plan rule.\n\nA guest with no pin at all gets every online CPU from libvirt. On a host isolated with `isolcpus` (domain), the scheduler never places such threads on the isolated CPUs: they belong to no scheduler domain. So unpinned guests only conflict with dedicated CPUs outside the isolcpus domain set, for example on a tuned cpu-partitioning host that isolates with `nohz_full` alone, or with dedicated CPUs taken from housekeeping.\n\nA vCPU pinned to a housekeeping CPU is `housekeeping-overlap`'s finding. Housekeeping CPUs are the shared pool where every guest's emulator and IOThreads belong, so other guests' emulators and IOThreads there are not reported as conflicts; other guests' vCPUs on the same CPU are.\n\nTwo vCPUs of the *same* guest on one CPU are `vcpu-pin-collision`'s finding. The same guest's emulator on its own vCPU's CPU is `emulatorpin-overlaps-vcpus`'s.\n\n## Incorrect\n\nTwo guests planned on one host:\n\n```xml\n<!-- web-01 -->\n<cputune>\n  <vcpupin vcpu='0' cpuset='8'/>\n  <vcpupin vcpu='1' cpuset='9'/>\n  <emulatorpin cpuset='0-3'/>\n</cputune>\n```\n\n```xml\n<!-- web-02 -->\n<cputune>\n  <vcpupin vcpu='0' cpuset='9'/>\n  <vcpupin vcpu='1' cpuset='10'/>\n  <emulatorpin cpuset='0-4'/>\n</cputune>\n```\n\n## Correct\n\n```xml\n<!-- web-02 -->\n<cputune>\n  <vcpupin vcpu='0' cpuset='10'/>\n  <vcpupin vcpu='1' cpuset='11'/>\n  <emulatorpin cpuset='0-3'/>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix, because which guest moves is a placement decision. Give every guest dedicated CPUs that no other guest pins or floats over. Keep the shared pool (emulators, IOThreads, unpinned guests) on housekeeping CPUs. On hosts without `isolcpus`, pin unpinned guests to the shared pool too (`<vcpu cpuset>`), or run them on another host.\n\n## Needs\n\n**plan**: every domain mapped to the host (`--host` with several files, or the config's `hosts` mapping), and the host snapshot for the online CPUs and the isolcpus domain set. The index of dedicated CPUs is built once per plan, and each affinity is matched against it by CPU intervals. The cost is linear in the number of domains, and a huge cpuset is never enumerated.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU Tuning (`vcpupin`, `emulatorpin`, `iothreadpin`) and \xA7CPU Allocation (`<vcpu cpuset>`). With no pin, libvirt sets each thread's affinity to all online host CPUs (`qemuProcessInitCpuAffinity`, `qemuProcessSetupVcpu` in `src/qemu/qemu_process.c`).\n- Linux `Documentation/admin-guide/kernel-parameters.txt` (`isolcpus`) and `kernel/sched/fair.c` / `kernel/sched/topology.c`: threads are placed and balanced within scheduler domains, which leave out isolcpus CPUs.\n- OpenStack Nova `nova/virt/hardware.py`: dedicated (pinned) CPUs are never shared between instances on a host.\n- The KVM tuning guide for Rocky Linux: 1:1 pinning, each vCPU on a CPU of its own.\n",
    "duplicate-domain-identity": "# duplicate-domain-identity\n\nReports two domains planned on the same host that have the same `<name>`, or the same `<uuid>`. libvirt identifies a domain by both, so on one host they cannot be two guests. Each shared name or UUID is reported once, at the `<name>` (or `<uuid>`) of the last file in path order, with the other files as related places.\n\n## Why this matters\n\nlibvirt keeps one list of domains per host and looks each new definition up by UUID and by name (`virDomainObjListAddLocked` in `src/conf/virdomainobjlist.c`):\n\n- the same name with another UUID: `virsh define` fails with `domain 'web-01' already exists with uuid \u2026`;\n- the same UUID with another name: it fails with `domain 'web-01' is already defined with uuid \u2026`;\n- the same name and UUID: the second definition *replaces* the first, silently. Two files in git describe one guest, and whichever is defined last wins.\n\nA copied domain file that kept its `<name>` or `<uuid>` (a new guest made from an old one) is the usual cause. Each file is valid alone; the clash shows only when the domains of one host are checked together, which is why this is a plan rule. UUIDs are compared as libvirt parses them: case and dashes do not matter. A domain without `<uuid>` gets a random one from libvirt, so only its name can clash.\n\n## Incorrect\n\nTwo files planned on one host:\n\n```xml\n<!-- domains/web-01.xml -->\n<name>web-01</name>\n<uuid>626d209b-d6e8-55e5-ae8c-326a8b67fcde</uuid>\n```\n\n```xml\n<!-- domains/web-02.xml, copied from web-01.xml -->\n<name>web-01</name>\n<uuid>626d209b-d6e8-55e5-ae8c-326a8b67fcde</uuid>\n```\n\n## Correct\n\n```xml\n<!-- domains/web-02.xml -->\n<name>web-02</name>\n<uuid>0b6f3f0e-5c1d-4c52-9a43-7a0c1b7f2d19</uuid>\n```\n\n## Fix\n\nNone automatic: which domain keeps the identity is a person's call. Give the new domain its own name and a new UUID (`uuidgen`), or remove the `<uuid>` element and let libvirt generate one at define time.\n\n## Sources\n\n- libvirt `src/conf/virdomainobjlist.c`, `virDomainObjListAddLocked`: the name and UUID checks and their error messages.\n- libvirt `src/util/viruuid.c`, `virUUIDParse`: UUIDs with or without dashes, hex digits in either case.\n",
    "emulatorpin-overlaps-vcpus": "# emulatorpin-overlaps-vcpus\n\nReports QEMU emulator threads that may run on a host CPU dedicated to one of the guest's vCPUs (a vCPU whose effective affinity is exactly that one CPU). The finding is a warning, or an error when an overlapped vCPU, or the emulator itself (`<emulatorsched>`), has realtime (`fifo` or `rr`) scheduling. It points at the `cpuset` that sets the emulator's affinity: the `<emulatorpin>`, or the `<vcpu cpuset>` the emulator falls back to when there is no `<emulatorpin>`. A guest confined whole to one CPU by `<vcpu cpuset>`, with no `<vcpupin>` (a one-vCPU appliance), is not reported unless a thread is realtime: its vCPU and emulator share the CPU through the one setting that places both, and nothing was dedicated (two vCPUs there are `vcpu-pin-collision`'s finding).\n\n## Why this matters\n\nThe \"emulator\" is every thread of the QEMU process that is neither a vCPU nor an IOThread: the main loop, device emulation, disk and network I/O without an IOThread, migration, VNC/SPICE, the RCU thread. libvirt gives it `<emulatorpin cpuset>`, else `<vcpu cpuset>`, else numad's nodes with `placement='auto'`, else every online CPU (formatdomain \xA7CPU Tuning; `qemuProcessSetupEmulator` in `qemu_process.c`).\n\nA vCPU pinned to one CPU of its own is meant to have that CPU to itself. If the emulator's set includes that CPU, the scheduler puts emulator work there whenever it likes: every interrupt the guest raises, every disk completion handled in the main loop preempts the vCPU, and the guest sees latency spikes and steal time. A common way to get there is a `<vcpu cpuset>` that lists exactly the pinned CPUs: it looks like a bound for the vCPUs, but with no `<emulatorpin>` the emulator follows it onto those CPUs.\n\nWith `<vcpusched scheduler='fifo'|'rr'>` on the overlapped vCPU it is worse: a busy realtime vCPU is never preempted by the (SCHED_OTHER) emulator thread, so the emulator thread that landed on that CPU waits. Device emulation and I/O for the whole guest stall behind it, which often looks like a hung guest. The reverse, a realtime `<emulatorsched>` on a vCPU's CPU, starves the vCPU instead. Both are the error case (rules.md names the first; the second is the same overlap with the roles swapped).\n\nWhich rule owns what, so one mistake gets one finding:\n\n- an emulator with no pin at all (every online CPU) is `missing-emulatorpin`'s;\n- the emulator on a CPU dedicated to a vCPU is this rule's, as an error when either thread is realtime; `realtime-sched-unsafe` does not report that pair again;\n- an emulator that only overlaps vCPUs with floating pins (a shared pool, as OpenStack's `shared` policy writes it) is not reported: nothing there was dedicated.\n\nLayouts generated by OpenStack Nova are reported as they are: a `dedicated` instance without `hw:emulator_threads_policy` gets an `<emulatorpin>` holding all of its own vCPU CPUs (Nova's documented default: the emulator threads \"run on the same host CPUs as the instance itself\"). That is a true overlap; `hw:emulator_threads_policy=isolate`, or `share` with `compute.cpu_shared_set` configured, moves the emulator off the vCPUs. Where the overlap is intended, turn the rule off for those domains in the config.\n\n## Incorrect\n\nThe emulator pin reaches into CPU 4, vCPU 0's CPU:\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <emulatorpin cpuset='0-4'/>\n</cputune>\n```\n\nThe emulator follows `<vcpu cpuset>` onto every pinned CPU:\n\n```xml\n<vcpu placement='static' cpuset='8-11'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='8'/>\n  <vcpupin vcpu='1' cpuset='9'/>\n  <vcpupin vcpu='2' cpuset='10'/>\n  <vcpupin vcpu='3' cpuset='11'/>\n</cputune>\n```\n\n## Correct\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\n## Fix\n\n`kvmlint --fix` applies a fix only when the domain is linted against a host snapshot whose housekeeping set is known and not empty (as for `missing-emulatorpin`). The target is the housekeeping CPUs on the host node(s) of the vCPU pins, or all of them when those nodes have none, minus any CPU dedicated to a vCPU. The fix rewrites the `<emulatorpin cpuset>` value; when the emulator followed `<vcpu cpuset>`, it inserts `<emulatorpin cpuset='\u2026'/>` into `<cputune>` where libvirt's formatter writes it (after the `<vcpupin>`s), leaving `<vcpu cpuset>` alone since it still bounds any unpinned vCPU.\n\n```xml\n  <emulatorpin cpuset='0-3'/>\n```\n\nWithout a host snapshot there is no fix: choosing between the shared housekeeping CPUs and a spare CPU reserved for this guest is a person's decision. When the `<emulatorpin>` also names CPUs no vCPU is dedicated to, a suggestion offers to keep only those.\n\n## Needs\n\n**domain**. The host snapshot is only needed for the fix and for naming housekeeping CPUs.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU Tuning (`emulatorpin`, `vcpupin`, `vcpusched`) and \xA7CPU Allocation (`<vcpu cpuset>`: the default for the emulator when `emulatorpin` is absent).\n- libvirt `src/qemu/qemu_process.c` (`qemuProcessSetupEmulator`, `qemuProcessSetupPid`).\n- libvirt `src/conf/domain_conf.c` (`virDomainCputuneDefFormat`: order of `vcpupin`, `emulatorpin`, `iothreadpin`).\n- libvirt kbase, KVM real time guest configuration (kvm-realtime): \"The QEMU emulator threads need to be pinned to host CPUs that are not in the isolcpus reserved set\".\n- sched(7), \"SCHED_FIFO\": a SCHED_FIFO thread runs until it blocks, yields or is preempted by a higher-priority thread.\n- OpenStack Nova, admin guide \"CPU topologies\", \xA7Customizing instance emulator thread pinning policies (`hw:emulator_threads_policy`).\n- The KVM tuning guide for Rocky Linux: emulatorpin on housekeeping cores, apart from 1:1 vCPU pins.\n",
    "guest-cell-spans-host-nodes": "# guest-cell-spans-host-nodes\n\nReports a guest NUMA cell whose vCPUs are pinned to CPUs on more than one host NUMA node (on the `<cell>` start tag), and a guest with more NUMA cells holding vCPUs than the host has nodes with CPUs (on the `<numa>` start tag). Both are warnings.\n\n## Why this matters\n\nA guest NUMA topology (`<cpu><numa><cell>`) tells the guest kernel which vCPUs share local memory. The guest's scheduler and allocator act on it: tasks stay near their memory, and memory is allocated on the node of the CPU that asks. The promise only holds if each guest cell maps onto one host node:\n\n- **a cell spanning host nodes**: some of the cell's vCPUs run on another socket than the rest, and than the memory bound to the cell. The guest sees all of them as local to each other, so it places threads and memory accordingly, and some of those accesses cross the interconnect without the guest knowing. A `<vcpu cpuset>` covering several nodes makes every cell span them;\n- **more cells with vCPUs than host nodes with CPUs**: at least two guest cells share one host node. The guest keeps its tasks apart from each other's memory for no benefit, and its NUMA distances mean nothing. A CPU-less host node (CXL memory, a memory-only node) does not count: mirror it with a guest cell that has memory and no `cpus`, as libvirt allows.\n\nThe rule takes each vCPU's effective pin (`vcpupin`, else `<vcpu cpuset>`) and the host nodes of those CPUs. Unpinned vCPUs and `placement='auto'` (numad chooses at start) are not known offline and are left out. A guest with a single cell is not checked for spanning: it makes no claim of locality between cells. That cell often exists only for shared memory (virtiofs, vhost-user), and is no different from a guest without cells, whose memory placement `pin-crosses-nodeset` weighs. vCPUs listed in no cell are `guest-numa-coverage`'s.\n\n## Incorrect\n\nGuest cell 0 is vCPUs 0-3, but vCPU 3 is pinned to CPU 20 on host node 1:\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='20'/>\n  <!-- vCPUs 4-7 on CPUs 21-24 (node 1) -->\n</cputune>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-3' memory='8' unit='GiB'/>\n    <cell id='1' cpus='4-7' memory='8' unit='GiB'/>\n  </numa>\n</cpu>\n```\n\n## Correct\n\nEach cell's vCPUs on one host node, and the cell's memory bound there:\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <!-- vCPUs 4-7 on CPUs 20-23 (node 1) -->\n</cputune>\n<numatune>\n  <memnode cellid='0' mode='strict' nodeset='0'/>\n  <memnode cellid='1' mode='strict' nodeset='1'/>\n</numatune>\n```\n\n## Fix\n\nNo automatic fix: which CPUs a cell should move to is a placement decision. Pin each guest cell's vCPUs to CPUs of one host node and bind its memory with `<memnode>`. Give the guest at most as many cells with vCPUs as the host has nodes with CPUs.\n\n## Needs\n\n**host snapshot**: which node each CPU belongs to, and which nodes have CPUs. Without a host the rule is silent.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU model and topology (`<numa>`, `<cell id cpus memory>`; `cpus` optional for memory-only cells), \xA7CPU Tuning, \xA7NUMA Node Tuning (`memnode`).\n- libvirt `src/conf/numa_conf.c`: guest cells and their `memnode` bindings.\n- OpenStack Nova `nova/virt/hardware.py`: each guest NUMA cell is fitted to exactly one host NUMA cell.\n- Linux `Documentation/admin-guide/mm/numa_memory_policy.rst`: local allocation on the node of the faulting CPU.\n- The KVM tuning guide for Rocky Linux: guest NUMA cells mirroring the host's, each pinned within one socket.\n",
    "guest-numa-cell-invalid": "# guest-numa-cell-invalid\n\nReports a guest NUMA `<cell>` (under `<cpu><numa>`) with a value libvirt refuses when the domain is defined: a `<distances><sibling id>` that names a cell the guest does not have, a distance outside 10-255, or a `memAccess` or `discard` value libvirt does not know. It also reports a PCI controller (`pci-expander-bus`, `pcie-expander-bus`, a pseries `pci-root`) whose `<target><node>` names a guest NUMA node the domain does not have. The finding is on the attribute value or `<node>` text at fault.\n\n## Why this matters\n\nlibvirt parses each cell in `numa_conf.c` (`virDomainNumaDefParseXML`, `virDomainNumaDefNodeDistanceParseXML`) and rejects the whole domain for any of these:\n\n- `<sibling id='N'>` where N is not one of the guest's cells: \"'sibling_id N' does not refer to a valid cell within NUMA 'cell id M'\". It happens when a distances block is copied from a guest with more cells;\n- a distance below 10 (the local distance) or above 255 (unreachable);\n- `memAccess` other than `shared` or `private`, and `discard` other than `yes` or `no`: both are parsed as enums that must be set to a known, non-default value (\"Invalid value for attribute 'memAccess' in element 'cell'\").\n\nA PCI expander bus puts its devices on a guest NUMA node (`<target><node>N</node>`), and libvirt checks that the guest has that node when the definition is parsed (`qemu_domain.c` `qemuDomainControllerDefPostParse`): \"pci-expander-bus with index 1 is configured for a NUMA node (1) not present in the domain's <cpu><numa> array (0)\" for a guest without cells. Guest NUMA nodes are the `<cell>` elements, numbered from 0, so N must be below their count; a guest without cells has none.\n\nThese are define-time errors (**error**): `virsh define` fails and nothing starts. libvirt's own test suite has the first two as parse errors (`cpu-numa-distance-nonexistent-sibling`, `hugepages-memaccess-invalid` in `tests/qemuxmlconfdata/`; see `test/libvirt-oracle/`), and the controller case as `pci-expander-bus-bad-node`.\n\nCell ids that overlap, repeat or do not run 0..n-1 are `guest-numa-coverage`'s; a cell memory that does not parse is `value-invalid`'s.\n\n## Incorrect\n\n```xml\n<numa>\n  <cell id='0' cpus='0-1' memory='4' unit='GiB'>\n    <distances>\n      <sibling id='0' value='10'/>\n      <sibling id='2' value='21'/>\n    </distances>\n  </cell>\n  <cell id='1' cpus='2-3' memory='4' unit='GiB' memAccess='shard'/>\n</numa>\n```\n\n## Correct\n\n```xml\n<numa>\n  <cell id='0' cpus='0-1' memory='4' unit='GiB'>\n    <distances>\n      <sibling id='0' value='10'/>\n      <sibling id='1' value='21'/>\n    </distances>\n  </cell>\n  <cell id='1' cpus='2-3' memory='4' unit='GiB' memAccess='shared'/>\n</numa>\n```\n\n## Fix\n\nThere is no automatic fix: which cell a distance was meant for, or which access mode, is a person's choice.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt `src/qemu/qemu_domain.c`: `qemuDomainControllerDefPostParse` (a PCI controller's NUMA node against the guest's cells).\n- libvirt `src/conf/numa_conf.c`: `virDomainNumaDefParseXML`, `virDomainNumaDefNodeDistanceParseXML` (sibling ids, `LOCAL_DISTANCE` 10 to `UNREACHABLE` 255), `memAccess` and `discard` parsing.\n- libvirt, Domain XML format, \xA7CPU model and topology (NUMA topology, `memAccess`, `discard`, distances).\n- libvirt tests: `tests/qemuxmlconfdata/cpu-numa-distance-nonexistent-sibling.*`, `hugepages-memaccess-invalid.*`, `pci-expander-bus-bad-node.*`, `pci-expander-bus.*` (accepted).\n",
    "guest-numa-coverage": "# guest-numa-coverage\n\nChecks how the guest NUMA cells (`<cpu><numa><cell>`) divide the vCPUs. Errors: cells whose ids are not 0..n-1 each once, two cells naming the same vCPU, or a cell naming a vCPU at or beyond the `<vcpu>` maximum, all of which libvirt rejects. Warning: vCPUs that no cell names, which libvirt silently adds to cell 0. The warning has a safe `--fix` that writes them into cell 0's `cpus`.\n\n## Why this matters\n\nThe cells are the NUMA topology the guest OS sees: which vCPUs sit next to which memory. Its scheduler and allocator, and every NUMA-aware application inside, plan around it. With `<numatune><memnode>` the cells are also the unit in which guest memory is bound to host nodes, so a vCPU in the wrong cell ends up running far from its memory.\n\nHow libvirt reads the cells (numa_conf.c `virDomainNumaDefParseXML`, domain_conf.c `virDomainDefParseXML`):\n\n- a cell's id is its `id` attribute, or its position when `id` is absent. The ids must be exactly 0..n-1, each once (\"Exactly one 'cell' element per guest NUMA cell allowed\u2026\", \"Duplicate NUMA cell info\");\n- two cells may not share a vCPU (\"NUMA cells \u2026 have overlapping vCPU ids\");\n- no cell may name a vCPU at or beyond the `<vcpu>` maximum (\"CPU IDs in <numa> exceed the <vcpu> count\");\n- `cpus` is optional: a cell without it is a CPU-less (memory-only) node, which libvirt has supported since 6.5. It is not reported;\n- every vCPU that no cell names is added to cell 0. The QEMU driver does this after parsing (qemu_domain.c `qemuDomainDefNumaCPUsRectify`, numa_conf.c `virDomainNumaFillCPUsInNode`): cell 0's `cpus` becomes every vCPU the other cells do not name. QEMU itself warns that partial mappings are obsolete and will be removed.\n\nSo the guest gets a cell 0 that is larger than the file says, often with a non-contiguous CPU list, while the other cells (and their `memnode` bindings) look balanced on paper. The rule writes down what libvirt would do, so the file and the guest agree. If another split was meant, move the vCPUs to the right cells by hand.\n\nCoverage is checked against the vCPU **maximum**, so vCPUs that are offline at boot need a cell too. When a cell id or `cpus` value does not parse (`value-invalid`, `cpuset-syntax`), or when an error above is present, the coverage warning is left out.\n\n## Incorrect\n\nvCPU 3 is in no cell, and libvirt puts it in cell 0:\n\n```xml\n<vcpu placement='static'>8</vcpu>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-2' memory='8' unit='GiB'/>\n    <cell id='1' cpus='4-7' memory='8' unit='GiB'/>\n  </numa>\n</cpu>\n```\n\nErrors:\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-2' memory='4' unit='GiB'/>\n    <cell id='2' cpus='2-5' memory='4' unit='GiB'/>\n  </numa>\n</cpu>\n```\n\n## Correct\n\n```xml\n<vcpu placement='static'>8</vcpu>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-3' memory='8' unit='GiB'/>\n    <cell id='1' cpus='4-7' memory='8' unit='GiB'/>\n    <cell id='2' memory='8' unit='GiB'/>\n  </numa>\n</cpu>\n```\n\n## Fix\n\nFor the warning, `kvmlint --fix` sets cell 0's `cpus` to its own vCPUs plus the ones no cell names, in libvirt's canonical form (`virBitmapFormat`, e.g. `0-3,6-7`). When cell 0 has no `cpus` attribute, the fix inserts one after its `id`, in the file's quote style. This is exactly what libvirt would do, so the guest does not change. The errors have no automatic fix: which cell a shared vCPU belongs to, and how the ids should be renumbered, are the author's choices.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt `src/conf/numa_conf.c`: `virDomainNumaDefParseXML` (ids, overlap, optional `cpus`), `virDomainNumaGetMaxCPUID`, `virDomainNumaFillCPUsInNode`.\n- libvirt `src/conf/domain_conf.c`: `virDomainDefParseXML` (\"Number of CPUs in <numa> exceeds the <vcpu> count\", \"CPU IDs in <numa> exceed the <vcpu> count\").\n- libvirt `src/qemu/qemu_domain.c`: `qemuDomainDefNumaCPUsRectify` (vCPUs in no cell go to cell 0).\n- QEMU `hw/core/machine.c` (`machine_numa_finish_cpu_init`): \"CPU(s) not present in any NUMA nodes\u2026 partial NUMA mappings is obsoleted\".\n- libvirt, Domain XML format, \xA7CPU model and topology (guest NUMA topology, CPU-less cells).\n",
    "guest-numa-memory-sum": "# guest-numa-memory-sum\n\nReports a domain with guest NUMA cells whose `<memory>` is not the sum of the cells' `memory` plus the sizes of its memory devices (`<memory model='dimm'|'nvdimm'|'virtio-mem'|\u2026>`). libvirt replaces `<memory>` with that sum, so the value in the file is never what the guest gets. Safe `--fix`: set `<memory>` to the sum.\n\n## Why this matters\n\nWith guest NUMA cells, the cells are the guest's memory: each becomes a memory backend of its own, of exactly its `memory` size. `<memory>` is then just a total that libvirt keeps consistent: when a domain is defined (`virsh define` parses with ABI update), `virDomainDefPostParseMemory` in domain_postparse.c overwrites it with \u03A3 cell memory + \u03A3 memory device sizes. `virsh dumpxml` afterwards shows the new value.\n\nA file whose `<memory>` disagrees with its cells is therefore misleading in review and in capacity planning. Someone reading \"16 GiB\" plans for 16 GiB while the guest gets 15.5. A change to `<memory>` alone (the usual way to resize a guest) silently does nothing. The mismatch usually comes from resizing one side and forgetting the other, or from cells written in MiB that do not add up to a whole number of GiB.\n\nSizes are compared exactly in KiB, after libvirt's unit rules (`KiB`, `MiB`, `GiB` are powers of 1024; `KB`, `MB`, `GB` powers of 1000; no unit is KiB). Memory devices are counted whatever their model, as libvirt does. Domains without cells are not checked: there `<memory>` is the size. A cell or device whose size does not parse is left to `value-invalid`, and the rule then stays silent.\n\n## Incorrect\n\n```xml\n<memory unit='GiB'>16</memory>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-1' memory='7680' unit='MiB'/>\n    <cell id='1' cpus='2-3' memory='8192' unit='MiB'/>\n  </numa>\n</cpu>\n```\n\n## Correct\n\n```xml\n<memory unit='KiB'>16252928</memory>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-1' memory='7680' unit='MiB'/>\n    <cell id='1' cpus='2-3' memory='8192' unit='MiB'/>\n  </numa>\n</cpu>\n```\n\n```xml\n<maxMemory slots='16' unit='GiB'>64</maxMemory>\n<memory unit='GiB'>10</memory>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-1' memory='4' unit='GiB'/>\n    <cell id='1' cpus='2-3' memory='4' unit='GiB'/>\n  </numa>\n</cpu>\n<devices>\n  <memory model='dimm'>\n    <target>\n      <size unit='GiB'>2</size>\n      <node>0</node>\n    </target>\n  </memory>\n</devices>\n```\n\n## Fix\n\n`kvmlint --fix` sets the text of `<memory>` to the sum, which is what libvirt would store, so the guest does not change. The sum is written in the unit `<memory>` already uses when it is a whole number there (`16` \u2192 `12` with `unit='GiB'`). Otherwise the fix writes KiB and sets `unit='KiB'` in the same edit, so the value stays exact and the file stays valid (`<memory unit='GiB'>16</memory>` \u2192 `<memory unit='KiB'>16252928</memory>`). Without a `unit` attribute the value is KiB already. If the larger `<memory>` was the intent, resize the cells instead: that is a choice the fix does not make.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt `src/conf/domain_postparse.c`: `virDomainDefPostParseMemory` (the total is recomputed from the cells and memory devices when parsing with ABI update).\n- libvirt `src/conf/numa_conf.c`: `virDomainNumaGetMemorySize`, and cell parsing (`memory` with `unit`, default KiB).\n- libvirt `src/util/virutil.c`: `virScaleInteger` (units).\n- libvirt, Domain XML format, \xA7Memory Allocation, \xA7CPU model and topology (guest NUMA topology), \xA7Memory devices.\n",
    "guest-smt-topology-mismatch": "# guest-smt-topology-mismatch\n\nReports a guest whose declared SMT topology disagrees with how its vCPUs are pinned to host hardware threads. A warning when `<topology threads='N'>` (N > 1) groups vCPUs into guest cores, but some group of N consecutive vCPUs pinned 1:1 is not on the SMT siblings of one host core. An info when the guest has one thread per core (`threads='1'`, or no `<topology>`) while two of its vCPUs are pinned to sibling threads of one host core. One finding per domain, on the first offending `<vcpupin>`, naming up to three groups or pairs.\n\n## Why this matters\n\nQEMU numbers vCPUs with the thread id varying fastest. With `threads='2'`, vCPUs 0-1 are the two threads of guest core 0, vCPUs 2-3 of core 1, and so on. The guest scheduler uses that topology. It spreads busy tasks across cores before doubling them up on sibling threads, and it treats siblings as sharing caches.\n\n- If vCPUs 0-1 are pinned to two separate host cores, the guest believes they share a core when they do not. When they do share one, it is a core the guest does not know about. The guest's placement decisions work against the hardware.\n- If the host has no SMT at all (SMT off, each CPU its own core), no pinning can make `threads='2'` true.\n- The reverse, one thread per core while two vCPUs sit on one host core's two threads, makes the guest load both \"cores\" fully, though they share one core's execution units. That is legitimate when capacity matters more than latency, hence only an info.\n\nOnly groups whose vCPUs are all pinned 1:1 to distinct CPUs are judged. Floating or partial pins are left to other rules.\n\n## Incorrect\n\nOn a host whose siblings are N and N+16:\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='1' cpuset='3'/>\n  <vcpupin vcpu='2' cpuset='4'/>\n  <vcpupin vcpu='3' cpuset='5'/>\n</cputune>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' dies='1' cores='2' threads='2'/>\n</cpu>\n```\n\n## Correct\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='1' cpuset='18'/>\n  <vcpupin vcpu='2' cpuset='3'/>\n  <vcpupin vcpu='3' cpuset='19'/>\n</cputune>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' dies='1' cores='2' threads='2'/>\n</cpu>\n```\n\n## Fix\n\nThere is no automatic fix, because the pins and the topology are both the user's choice. Pin each guest core's N consecutive vCPUs to the N thread siblings of one host core, or declare `threads='1'` and pin to separate cores. The snapshot's `cpuTopology` (or `lscpu -e`) shows which CPUs are siblings.\n\n## Needs\n\n**host snapshot** with the CPU topology (`cpuTopology` with `siblings`). Without it, the warning case reports one info note on the snapshot saying it was not checked. The info-level check (one thread per core) then stays silent, with no note about a note. Applies only to pinned domains with at least two vCPUs pinned 1:1.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU model and topology (`<topology sockets dies clusters cores threads>`) and \xA7CPU Tuning (`vcpupin`).\n- QEMU `include/hw/i386/topology.h` `x86_topo_ids_from_idx()`: `smt_id = cpu_index % nr_threads`, `core_id = cpu_index / nr_threads % nr_cores`, so consecutive vCPU indexes are the threads of one core.\n- Linux `Documentation/ABI/stable/sysfs-devices-system-cpu` (`topology/thread_siblings_list`). libvirt `formatcaps` (`<cpu siblings>`).\n- OpenStack Nova `nova/virt/hardware.py` (`hw:cpu_thread_policy=require`: guest threads on host sibling threads).\n",
    "host-definition-drift": "# host-definition-drift\n\nReports each element of `<memory>`, `<vcpu>`, `<cputune>`, `<numatune>`, `<memoryBacking>` and `<cpu>` in which the host's persistent definition (`/etc/libvirt/qemu/NAME.xml`, captured reduced by `kvmlint snapshot` as root) differs from this file. Matched by uuid, then name. Both sides are reduced the same way before comparing: sizes in KiB, cpusets in canonical form, and the defaults libvirt writes when it stores a definition (`placement='static'`, `mode='strict'`, `<cpu check>`, `migratable='on'`) dropped, so a definition libvirt merely re-wrote compares equal.\n\n## Why this matters\n\n`virsh edit` on the host, or `virsh vcpupin --config`, changes the definition the next start uses, and the repository no longer says what the host will run. Operators find out at the next reboot. The snapshot keeps only the reduced elements and their digest, never the whole definition.\n\n## Incorrect\n\nThe host's copy pins vCPU 3 to CPU 8 (changed with `virsh edit`), the file to CPU 7:\n\n```xml\n<cputune>\n  <vcpupin vcpu='3' cpuset='7'/>\n</cputune>\n```\n\n## Correct\n\nThe file and the host's copy agree:\n\n```xml\n<cputune>\n  <vcpupin vcpu='3' cpuset='8'/>\n</cputune>\n```\n\n## Fix\n\nNone: redefine the domain from the repository (`virsh define FILE`), or bring the change into the repository.\n\n## Sources\n\nlibvirt `domain_conf.c` (virDomainDefFormat writes defaults), virsh(1) `edit`, `define`, `--config`.\n",
    "housekeeping-overlap": "# housekeeping-overlap\n\nReports a pinned vCPU that can run on one of the host's housekeeping CPUs, the CPUs left outside the isolated set for interrupts, kernel threads and QEMU's own threads. The finding is a warning, or an error when the vCPU also has realtime (`fifo` or `rr`) scheduling. It points at the `cpuset` of the `<vcpupin>`, or of the `<vcpu>`, that allows it.\n\n## Why this matters\n\nA host tuned for pinned guests splits its CPUs in two (rules.md \xA70):\n\n- the isolated set I: `isolcpus` (domain/nohz flags), `nohz_full` and tuned's `isolated_cores` (cpu-partitioning and realtime profiles). The running kernel's own view in `/sys/devices/system/cpu/isolated` and `/sys/devices/system/cpu/nohz_full` wins over the command line when the snapshot has it;\n- the housekeeping set HK = online CPUs \u2212 I, unless the configuration names it explicitly.\n\nHK carries everything that was moved off the isolated CPUs: device interrupts (`irqaffinity`), unbound workqueues and kthreads, offloaded RCU callbacks (`rcu_nocbs`), timers, and the emulator and IOThreads of every guest. A vCPU pinned there competes with all of it. The guest sees jitter and steal time, and the host's housekeeping slows down for everyone.\n\nWith `<vcpusched scheduler='fifo'|'rr'>` it gets worse. A busy realtime vCPU is never preempted by normal threads on its CPU, so ksoftirqd, kworkers and RCU kthreads there can starve. The results are RCU stall warnings, hung-task reports and stuck I/O. That is why the rule reports an error in this case.\n\nOnly vCPU affinity is checked. Emulator threads and IOThreads belong on housekeeping CPUs (the tuning guide and kvm-realtime put them there), so `emulatorpin` and `iothreadpin` on HK are correct. Unpinned vCPUs of a partially pinned domain are left to `vcpu-partially-pinned`.\n\nThis rule owns the realtime case: a `fifo`/`rr` vCPU whose own pin (or `<vcpu cpuset>`) reaches housekeeping CPUs is reported here, as an error, and `realtime-sched-unsafe` does not report it again. That rule covers the other realtime hazards (a realtime thread with more than one CPU, sharing its CPU with another thread of the guest, or a realtime emulator or IOThread on housekeeping CPUs); its README has the full table. A realtime vCPU with a floating pin that also reaches housekeeping CPUs gets one finding from each rule, since narrowing the pin and moving it off HK are separate changes.\n\nIf the host declares no isolation at all (no `isolcpus`, `nohz_full` or tuned `isolated_cores`) and the configuration sets no housekeeping set, HK is unknown. The rule then reports one info note on the host snapshot, once per host, and nothing else. The note says which case it is: a captured host that isolates nothing, or a snapshot whose source cannot tell (`virsh capabilities` and `numactl --hardware` record no kernel command line, `/sys` isolation files or tuned profile).\n\n## Incorrect\n\nOn a host booted with `isolcpus=4-31 nohz_full=4-31` (HK = 0-3):\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='1' cpuset='3'/>\n  <vcpupin vcpu='2' cpuset='12'/>\n  <vcpupin vcpu='3' cpuset='13'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\n```xml\n<vcpu placement='static' cpuset='0-7'>4</vcpu>\n```\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='1'/>\n  <vcpusched vcpus='0' scheduler='fifo' priority='1'/>\n</cputune>\n```\n\n## Correct\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='12'/>\n  <vcpupin vcpu='3' cpuset='13'/>\n  <emulatorpin cpuset='0-1'/>\n  <iothreadpin iothread='1' cpuset='0-1'/>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix, because which isolated CPU each vCPU should move to is a capacity decision. Move the vCPU to isolated CPUs. The message names the ones on the same host NUMA node as the current pin, so the vCPU stays next to its memory (see `pin-crosses-nodeset`). If the guest really needs housekeeping CPUs, give it a floating pin without realtime scheduling and accept the noise. If the isolated set itself is wrong, change `isolcpus`/`nohz_full` or the tuned profile and reboot.\n\n## Needs\n\n**host snapshot**: the housekeeping set comes from the host's isolation (command line, `/sys/devices/system/cpu/{isolated,nohz_full}`, tuned `isolated_cores`). Without a host the rule is silent, and it only applies to pinned domains.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU Tuning (`vcpupin`, `vcpusched`, `emulatorpin`, `iothreadpin`) and \xA7CPU Allocation (`<vcpu cpuset>`).\n- libvirt kbase, KVM real time guest configuration (kvm-realtime): realtime vCPUs on isolated CPUs, emulator and I/O threads on housekeeping CPUs.\n- Linux `Documentation/admin-guide/kernel-parameters`: `isolcpus`, `nohz_full`, `rcu_nocbs`, `irqaffinity`, and the \"cpu lists\" grammar.\n- Linux `kernel/sched/isolation.c` (`housekeeping_setup`, `housekeeping_isolcpus_setup`).\n- tuned `profiles/cpu-partitioning` and its man page (`isolated_cores`).\n- The KVM tuning guide for Rocky Linux: housekeeping cores for the host, isolated cores for vCPUs.\n",
    "hugepage-size-decimal-unit": "# hugepage-size-decimal-unit\n\nReports a hugepage `<page>` whose size is written in a decimal unit (`KB`, `MB`, `GB`, `TB`, any case). libvirt reads those as powers of 1000, so `size='1' unit='GB'` is 1,000,000,000 bytes (976,563 KiB), and `size='2' unit='MB'` is 1954 KiB. Neither is a page size, and the domain fails to start. The finding points at the `unit` value. Safe `--fix`: `GB`\u2192`G`, `MB`\u2192`M`, `KB`\u2192`K`, `TB`\u2192`T`.\n\n## Why this matters\n\nlibvirt's units follow `virScaleInteger`: `K`, `KiB`, `M`, `MiB`, `G`, `GiB` (any case) are powers of 1024, while `KB`, `MB` and `GB` are powers of 1000. Guest memory sizes can use either, since only the amount changes. A page size cannot: hugetlbfs pages are powers of two (4 KiB, 2 MiB, 1 GiB on x86; 64 KiB, 2 MiB, 512 MiB, 16 GiB on other architectures), and no power of 1000 is one. libvirt looks for a hugetlbfs mount with exactly the requested size. With 976,563 KiB it finds none, and the start fails (\"Unable to find any usable hugetlbfs mount for 976563 KiB\"). `virsh define` succeeds, so the mistake shows up only at the first start, often on another host.\n\n`GB` is what most people write for \"gigabyte\", which is why this is worth a rule of its own. Decimal units elsewhere (`<memory unit='GB'>`) are valid and are not reported here.\n\n## Incorrect\n\n```xml\n<memoryBacking>\n  <hugepages>\n    <page size='1' unit='GB'/>\n  </hugepages>\n</memoryBacking>\n```\n\n## Correct\n\n```xml\n<memoryBacking>\n  <hugepages>\n    <page size='1' unit='G'/>\n  </hugepages>\n</memoryBacking>\n```\n\nAlso correct: `unit='GiB'`, or `size='1048576' unit='KiB'` (what `virsh dumpxml` writes).\n\n## Fix\n\n`kvmlint --fix` replaces the decimal unit with its binary letter (`GB`\u2192`G`, `mb`\u2192`m`), keeping the number, but only when the result is a power of two of at least 4 KiB, i.e. a real page size. A decimal size is never a power of two, so the binary reading is then the only size the author can have meant. When the binary reading is no page size either (`size='3' unit='MB'`), there is no automatic fix: the help line asks for a real page size, and the unit change is offered as a suggestion only. Whether the host has pages of that size is checked by `hugepage-size-unavailable` when a host snapshot is given.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt `src/util/virutil.c`: `virScaleInteger` (binary and decimal suffixes).\n- libvirt `src/conf/domain_conf.c`: `virDomainHugepagesParseXML` and `virDomainParseMemory` (page size, rounded up to whole KiB).\n- libvirt `src/qemu/qemu_command.c` / `qemu_domain.c`: the hugetlbfs mount lookup for the page size at start-up.\n- Linux `Documentation/admin-guide/mm/hugetlbpage.rst`: supported huge page sizes.\n- libvirt, Domain XML format, \xA7Memory Backing (`page size unit nodeset`).\n",
    "hugepage-size-unavailable": "# hugepage-size-unavailable\n\nReports a `<memoryBacking><hugepages><page size>` for which the host has no hugepage pool at all: the size is not among the host's hugepage sizes (`/sys/kernel/mm/hugepages/hugepages-<size>kB`) and no node has a pool of it. `<hugepages/>` without a `<page>` uses the host's default size, and is reported only when the host has no hugepage size at all. Reported on the `size` value (or the `<hugepages>` start tag).\n\n## Why this matters\n\nlibvirt backs hugepage guest memory with a file on a hugetlbfs mount whose page size is the one asked for. It looks for that mount when it builds the memory backend, and fails the start when there is none: \"Unable to find any usable hugetlbfs mount for 1048576 KiB\" (qemu_conf.c `qemuGetDomainHupageMemPath`, qemu_command.c `qemuBuildMemoryBackendProps`). A hugetlbfs mount of a size needs the kernel to have a pool (an hstate) of that size. Which sizes exist depends on the CPU and the kernel:\n\n- x86-64: 2 MiB always; 1 GiB only with the `pdpe1gb` CPU flag. Nested or older virtual CPUs often lack it;\n- arm64 with 4 KiB pages: 64 KiB, 2 MiB, 32 MiB, 1 GiB; with 64 KiB pages: 2 MiB, 512 MiB, 16 GiB, so XML written for x86 asking for 1 GiB fails there;\n- ppc64 (radix): 2 MiB and 1 GiB.\n\nThis rule is about a size that does not exist. A pool that exists but holds too few pages for the planned guests, even 0, is `insufficient-hugepages`'s, and that rule skips sizes the host has no pool of, so one situation is reported once. A `<page>` of the base page size (4 KiB on x86, 64 KiB on a 64 KiB-page arm64 kernel) is ordinary memory to libvirt and is never reported. A size in a decimal unit (`size='1' unit='GB'` is 976,563 KiB) is `hugepage-size-decimal-unit`'s.\n\n## Incorrect\n\nThe host's kernel has only 2 MiB pages:\n\n```xml\n<memoryBacking>\n  <hugepages>\n    <page size='1' unit='G'/>\n  </hugepages>\n</memoryBacking>\n```\n\n## Correct\n\n```xml\n<memoryBacking>\n  <hugepages>\n    <page size='2048' unit='KiB'/>\n  </hugepages>\n</memoryBacking>\n```\n\n## Fix\n\nNo automatic fix: use a size the host has (the message lists them), or give the host that size. For x86 1 GiB pages that needs a CPU with `pdpe1gb`. Reserve the pages at boot (`hugepagesz=1G hugepages=N`) and mount hugetlbfs with `pagesize=1G` where libvirt looks (`hugetlbfs_mount` in qemu.conf).\n\n## Needs\n\n**host snapshot**: the hugepage sizes (`hugepages.sizesKiB`, or the nodes' pools) and the base page size. With a source that cannot list them (`numactl --hardware`) the rule reports one info note and stays silent.\n\n## Sources\n\n- libvirt `src/qemu/qemu_conf.c`: `qemuGetDomainHupageMemPath` (\"Unable to find any usable hugetlbfs mount for %llu KiB\").\n- libvirt `src/qemu/qemu_command.c`: `qemuBuildMemoryBackendProps` (page size per guest cell; the system page size means no hugepages).\n- libvirt, Domain XML format, \xA7Memory Backing (`hugepages`, `page size unit nodeset`).\n- Linux `Documentation/admin-guide/mm/hugetlbpage.rst`: `/sys/kernel/mm/hugepages/`, `hugepagesz=`, `default_hugepagesz=`, hugetlbfs `pagesize=`.\n- Linux `Documentation/arch/arm64/hugetlbpage.rst`: the sizes for each base page size.\n",
    "hugepages-config-invalid": "# hugepages-config-invalid\n\nReports a `<memoryBacking><hugepages>` configuration that libvirt rejects: a `<page nodeset>` naming a guest NUMA cell that does not exist, two `<page>` elements whose nodesets overlap, two `<page>` elements without a nodeset, a `<page>` without `size`, and (QEMU driver) hugepages combined with `<allocation mode='ondemand'>` or `<source type='anonymous'>`. The finding points at the attribute or element at fault.\n\n## Why this matters\n\nEach guest NUMA cell gets its memory from one page size: the `<page>` whose `nodeset` names the cell, else the `<page>` without a nodeset. `<hugepages/>` with no `<page>` means the host's default size. The `nodeset` names **guest cells**, not host nodes. Mixing the two up is the classic mistake: `nodeset='1'` on a guest without cells reads as \"host node 1\" but means \"guest cell 1\", which does not exist.\n\nWhat libvirt checks:\n\n| configuration | result (source) |\n| --- | --- |\n| `<page>` without `size` | rejected (domain_conf.c `virDomainHugepagesParseXML`: size is required) |\n| a page nodeset naming a cell \u2265 the number of guest cells | rejected: \"hugepages: node N not found\" (domain_validate.c `virDomainDefMemtuneValidate`) |\n| without guest cells, `nodeset='0'` | accepted: the nodeset is dropped and the page backs the whole guest (domain_postparse.c `virDomainDefPostParseMemtune`); any other nodeset is rejected as above |\n| two page nodesets sharing a cell | rejected: \"nodeset attribute of hugepages of sizes \u2026 intersect\" |\n| two pages without nodeset (counting a dropped `nodeset='0'`) | rejected: \"two master hugepages detected\" |\n| hugepages with `<allocation mode='ondemand'>` | rejected by the QEMU driver: \"hugepages are not allowed with memory allocation ondemand\" (qemu_validate.c `qemuValidateDomainDefMemory`) |\n| hugepages with `<source type='anonymous'>` | rejected by the QEMU driver: \"hugepages are not allowed with anonymous memory source\" |\n| an x86 guest (`arch='x86_64'` or `'i686'`) asking for a page size other than 4 KiB, 2 MiB or 1 GiB | defined, but the guest fails to start on every x86 host: no hugetlbfs mount of that size can exist (\"Unable to find any usable hugetlbfs mount for 5120 KiB\", libvirt's test `hugepages-default-5M`); one finding here, so `hugepage-size-unavailable` and `memory-not-hugepage-multiple` skip that size |\n\nDeliberately **not** reported, because libvirt accepts them: hugepages with `<source type='memfd'>` (refused only by QEMU older than 4.0, which lacks memfd hugetlb support), `<access mode='shared'>` without guest cells (accepted when the machine type names its default RAM backend, as machine types of QEMU 5.0 and later do), and `<allocation threads='N'>` (needs a QEMU with preallocation threads, which a linter cannot see). A nodeset that does not parse is left to `cpuset-syntax`. A page size in a decimal unit is `hugepage-size-decimal-unit`'s.\n\n## Incorrect\n\n```xml\n<memoryBacking>\n  <hugepages>\n    <page size='1' unit='G' nodeset='0-1'/>\n    <page size='2' unit='M' nodeset='1-2'/>\n  </hugepages>\n  <allocation mode='ondemand'/>\n</memoryBacking>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-1' memory='4' unit='GiB'/>\n    <cell id='1' cpus='2-3' memory='4' unit='GiB'/>\n  </numa>\n</cpu>\n```\n\n## Correct\n\n```xml\n<memoryBacking>\n  <hugepages>\n    <page size='1' unit='G' nodeset='0'/>\n    <page size='2' unit='M' nodeset='1'/>\n  </hugepages>\n  <locked/>\n</memoryBacking>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-1' memory='4' unit='GiB'/>\n    <cell id='1' cpus='2-3' memory='4' unit='GiB'/>\n  </numa>\n</cpu>\n```\n\n## Fix\n\nThere is no automatic fix: which page size a guest cell should get is a capacity decision. Give each guest cell at most one page size, use at most one `<page>` without `nodeset`, and bind guest memory to host nodes with `<numatune>`, not with the page `nodeset`.\n\n## Needs\n\n**domain**. The allocation and source checks apply to domains run by the QEMU driver (`type` `kvm`, `qemu` or `hvf`).\n\n## Sources\n\n- libvirt `src/conf/domain_conf.c`: `virDomainHugepagesParseXML`, `virDomainDefParseMemory`.\n- libvirt `src/conf/domain_validate.c`: `virDomainDefMemtuneValidate`.\n- libvirt `src/conf/domain_postparse.c`: `virDomainDefPostParseMemtune`.\n- libvirt `src/qemu/qemu_validate.c`: `qemuValidateDomainDefMemory`.\n- libvirt, Domain XML format, \xA7Memory Backing.\n",
    "insufficient-hugepages": "# insufficient-hugepages\n\nAdds up, for each hugepage size and each host NUMA node, the pages that all guests planned on a host need from that node, and reports when the sum is larger than the node's pool (`nr_hugepages`). A short pool is one finding: on the `<page>` (or `<hugepages>`) element of the guest whose move alone would relieve the pool with the fewest pages moved, the last of equals in plan order, which is the guest `kvmlint plan` moves (else the one that asks the most), with every other guest sharing the pool as a related location. The message names the node, the demand and the supply; the help line names the `nr_hugepages` value that would be enough.\n\n## Why this matters\n\nHugepage-backed guest RAM comes from hugetlbfs, and hugetlbfs only hands out pages that were reserved in a pool beforehand. Each NUMA node has its own pool per page size (`/sys/devices/system/node/nodeN/hugepages/hugepages-<size>kB/nr_hugepages`). Under a `strict` binding the kernel takes pages only from the bound nodes' pools, never from a neighbour's. When a pool runs short, QEMU fails to start (libvirt has it preallocate hugepage-backed memory: \"unable to map backing store for guest RAM: Cannot allocate memory\"), or a guest that does start gets SIGBUS when it touches a page that cannot be backed. Usually the guest started last fails: each guest alone fits, and only the plan as a whole does not. That is why this is a plan rule.\n\nHow the demand is counted (rules.md \xA71):\n\n- **Pages per guest**: `ceil(memory / page size)` for each guest NUMA cell (`<cell memory>`), or for the whole `<memory>` when the guest has no cells. Sizes follow libvirt's units (`virScaleInteger`): `k`/`KiB`, `M`/`MiB`, `G`/`GiB` are powers of 1024, `KB`/`MB`/`GB` are powers of 1000, and no unit means KiB. So `<memory unit='G'>17</memory>` needs 8704 pages of 2 MiB, while `<memory unit='GB'>17</memory>`, which is 17,000,000,000 bytes or 16,601,563 KiB, needs 8107.\n- **Page size**: the `<page size unit>` whose `nodeset` names the guest cell, else a `<page>` without `nodeset`. `<hugepages/>` with no `<page>` uses the host's default hugepage size (`Hugepagesize` in `/proc/meminfo`). Each size is a separate budget: 1 GiB pages never stand in for 2 MiB ones.\n- **Which node**:\n  - a single-node nodeset (from `memnode`, else `<memory>`): that node;\n  - `strict` over several nodes: the kernel decides the split, so only the sum over the set is compared, and the finding is a warning;\n  - `interleave`: spread evenly over the nodes;\n  - no `<numatune>` or `placement='auto'`: only host-wide totals are compared, and the finding is a warning;\n  - on a host with one node that can hold memory (memoryless nodes do not count), every binding above that includes it lands on it: compared exactly against that node, an error like a single-node nodeset.\n- **Supply**: the pool size `nr_hugepages`, not the free pages at capture time. Running guests already hold pages, and they are part of the plan.\n- **Sizes the host has no pool of at all** (absent from `/sys/kernel/mm/hugepages/` and from every node): not counted here. No `nr_hugepages` value can help there, and `hugepage-size-unavailable` reports them. A pool that exists but holds too few pages, 0 included, is this rule's.\n\n## Incorrect\n\nTwo guests on host node 0, whose 2 MiB pool holds 8192 pages (16 GiB): 6144 + 4096 = 10240 pages.\n\n```xml\n<!-- erp-db.xml -->\n<memory unit='GiB'>12</memory>\n<memoryBacking>\n  <hugepages>\n    <page size='2048' unit='KiB'/>\n  </hugepages>\n</memoryBacking>\n<numatune>\n  <memory mode='strict' nodeset='0'/>\n</numatune>\n```\n\n```xml\n<!-- erp-app.xml -->\n<memory unit='GiB'>8</memory>\n<memoryBacking>\n  <hugepages>\n    <page size='2048' unit='KiB'/>\n  </hugepages>\n</memoryBacking>\n<numatune>\n  <memory mode='strict' nodeset='0'/>\n</numatune>\n```\n\n## Correct\n\nBind the second guest to node 1, or raise node 0's pool to 10240 pages (`echo 10240 > /sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages`, made persistent in the boot configuration or a tuned profile):\n\n```xml\n<!-- erp-app.xml -->\n<numatune>\n  <memory mode='strict' nodeset='1'/>\n</numatune>\n```\n\n## Fix\n\nThere is no automatic fix: whether to grow a pool, move a guest or shrink it is a capacity decision. The message gives the `nr_hugepages` value per node that would be enough for the plan. Reserve 1 GiB pages at boot (`hugepagesz=1G hugepages=N`), as they are hard to find later when memory is fragmented. For a multi-node `strict` binding, bind each guest cell to one node with `<memnode>`, so the check can be exact.\n\n## Needs\n\n**plan**: every domain mapped to the host (`--host`, or the `hosts` mapping in `kvmlint.config.json`), with the host snapshot's per-node hugepage pools. Without a host the rule is silent.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7Memory Allocation (units), \xA7Memory Backing (`hugepages`, `page size unit nodeset`), \xA7NUMA Node Tuning (`memory`, `memnode`, `mode`).\n- libvirt `src/util/virutil.c` (`virScaleInteger`: binary and decimal units) and `src/conf/numa_conf.c`.\n- Linux `Documentation/admin-guide/mm/hugetlbpage.rst`: per-node pools under `/sys/devices/system/node/nodeN/hugepages/`, boot-time reservation, and the interaction with memory policy.\n- OpenStack Nova `nova/virt/hardware.py`: hugepage fitting per host NUMA cell.\n- The KVM tuning guide for Rocky Linux: per-node hugepage reservation sized for the guests bound there.\n",
    "iothread-placement": "# iothread-placement\n\nReports an IOThread of a pinned domain that has no `<iothreadpin>` (so it runs wherever `<vcpu cpuset>` allows, or on every online host CPU), and an `<iothreadpin>` that puts an IOThread on a CPU dedicated to a vCPU. Both are warnings, or errors when one of the vCPUs concerned, or the IOThread itself, has realtime (`fifo`/`rr`) scheduling. The first finding is reported on `<iothreads>` (or `<iothreadids>`) and names the IOThreads as ranges; the second on the `iothreadpin` `cpuset`.\n\n## Why this matters\n\nAn IOThread runs the virtio-blk/virtio-scsi queues (and other devices) assigned to it with `iothread='N'`. Its affinity follows the same chain as the emulator's (formatdomain \xA7CPU Tuning, `qemuProcessSetupIOThread` in `qemu_process.c`): `<iothreadpin iothread='N'>`, else `<vcpu cpuset>`, else numad's nodes with `placement='auto'`, else every online host CPU.\n\nIn a domain whose vCPUs are pinned, an IOThread left without a pin therefore runs on the vCPUs' own CPUs and on isolated cores: each burst of disk I/O preempts a vCPU, and on CPUs isolated with `isolcpus` the scheduler does not balance, so several guests' IOThreads can stack on one core. An `<iothreadpin>` onto a CPU dedicated to a vCPU does the same deliberately. libvirt's kvm-realtime page and the tuning guide put IOThreads with the emulator, on housekeeping CPUs.\n\nWith realtime scheduling the sharing turns into starvation, as for the emulator (`emulatorpin-overlaps-vcpus`): a busy SCHED_FIFO vCPU never lets the IOThread on its CPU run, so the guest's disk I/O stalls; a SCHED_FIFO IOThread (`<iothreadsched>`) starves the vCPU. rules.md gives this rule a plain warning; the error for the realtime case follows the pattern of `housekeeping-overlap` and `emulatorpin-overlaps-vcpus`, so that `realtime-sched-unsafe` need not report the same pin again.\n\nCases left alone:\n\n- an unpinned IOThread that falls back to a `<vcpu cpuset>` holding no dedicated vCPU CPU: that cpuset is then a pool kept apart for QEMU's own threads, on purpose;\n- `placement='auto'`: numad's nodes are not known offline;\n- domains with no pinning at all: where their threads run is not a pinning question;\n- an `iothreadpin` for an IOThread the domain does not have (`vcpu-id-range`), or a cpuset that does not parse (`cpuset-syntax`).\n\n## Incorrect\n\n```xml\n<iothreads>2</iothreads>\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <emulatorpin cpuset='0-1'/>\n  <iothreadpin iothread='1' cpuset='5'/>\n</cputune>\n```\n\nIOThread 1 shares CPU 5 with vCPU 1; IOThread 2 has no pin and runs anywhere.\n\n## Correct\n\n```xml\n<iothreads>2</iothreads>\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <emulatorpin cpuset='0-1'/>\n  <iothreadpin iothread='1' cpuset='0-1'/>\n  <iothreadpin iothread='2' cpuset='0-1'/>\n</cputune>\n```\n\n## Fix\n\n`kvmlint --fix` applies a fix only when the one safe target exists: the emulator's CPUs from an explicit `<emulatorpin>`, disjoint from every vCPU's affinity. It then rewrites a bad `iothreadpin` `cpuset` to that set, or inserts `<iothreadpin iothread='N' cpuset='\u2026'/>` for each unpinned IOThread where libvirt's own formatter writes it (`virDomainCputuneDefFormat`: after the `<vcpupin>`s and `<emulatorpin>`, among the other `<iothreadpin>`s by IOThread id), copying the indentation, quotes and line endings of its neighbours. Without such an `<emulatorpin>`, where the IOThreads should go (the shared housekeeping CPUs, or a CPU reserved for this guest's I/O) is a person's choice, and the help line only says what to add.\n\n## Needs\n\n**domain**. With a host snapshot the message lists the online CPUs an unpinned IOThread can reach.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7IOThreads Allocation (`iothreads`, `iothreadids`) and \xA7CPU Tuning (`iothreadpin`: \"If this is omitted and attribute cpuset of element vcpu is not specified, the IOThreads are pinned to all the physical CPUs by default\").\n- libvirt `src/qemu/qemu_process.c` (`qemuProcessSetupIOThread`, `qemuProcessSetupPid`).\n- libvirt `src/conf/domain_conf.c` (`virDomainCputuneDefFormat`: element order inside `<cputune>`).\n- libvirt kbase, KVM real time guest configuration (kvm-realtime).\n- Linux `Documentation/admin-guide/kernel-parameters` (`isolcpus`: no load balancing on isolated CPUs).\n- The KVM tuning guide for Rocky Linux: `iothreadpin` with the emulator on housekeeping cores.\n\n## libvirt versions\n\nAn IOThread without an `<iothreadpin>` gets the same default as the emulator: every online CPU before libvirt 10.4.0; from 10.4.0 on, every online CPU minus `/sys/devices/system/cpu/isolated` (`qemuProcessGetAllCpuAffinity`, `src/qemu/qemu_process.c`). With a libvirt \u2265 10.4.0 (the config's `hosts[].libvirtVersion` or the snapshot's `libvirtVersion`) and vCPUs dedicated to isolated CPUs, an unpinned IOThread cannot reach them and is not reported; when the version is unknown, the older behaviour is assumed (`missing-emulatorpin` says so once per host).\n",
    "isolated-cpu-noise": "# isolated-cpu-noise\n\nReports, on the host snapshot, tasks other than guest threads and per-CPU kernel threads that may run on (or last ran on) the isolated CPUs, and IRQs delivered to them (`/proc/irq/N/effective_affinity_list`, else `smp_affinity_list`), as `kvmlint snapshot` found them. One finding for tasks, one for IRQs. The isolated CPUs are the host's isolated set at capture time (`running.isolatedCpus`). Option `maxForeign` (default 0) tolerates that many of each.\n\n## Why this matters\n\nThe guide ends its isolation section with a stress test whose `PSR` column must show that nothing else lands on isolated CPUs, and `tuned-adm verify` checks IRQ affinity. A daemon started with a wide affinity, a process spawned before tuned moved everything, or an IRQ without `managed_irq` handling steals time from the vCPU dedicated to that CPU and breaks `nohz_full`. This rule is that check, done from the snapshot.\n\n## Incorrect\n\nThe snapshot's `running.foreignTasks` holds `stress-ng (7001)` allowed on 0-31 with isolated CPUs 4-31; the domain itself is pinned as the guide says:\n\n```xml\n<cputune>\n  <emulatorpin cpuset='0-1'/>\n  <vcpupin vcpu='0' cpuset='4'/>\n</cputune>\n```\n\n## Correct\n\nThe same domain on a host whose `running.foreignTasks` and `running.irqs` are empty.\n\n```xml\n<cputune>\n  <emulatorpin cpuset='0-1'/>\n  <vcpupin vcpu='0' cpuset='4'/>\n</cputune>\n```\n\n## Fix\n\nNone in the XML: move the task (`taskset -pc HK PID`, or fix its unit's `CPUAffinity=`), set the IRQ's `smp_affinity_list` to housekeeping CPUs (or boot with `irqaffinity=` and `isolcpus=managed_irq`), then capture again.\n\n## Sources\n\nKernel admin-guide kernel-parameters (isolcpus, irqaffinity), `Documentation/core-api/irq/irq-affinity.rst`; proc(5) `stat` (flags PF_KTHREAD, processor); tuned cpu-partitioning profile.\n",
    "isolation-incomplete": "# isolation-incomplete\n\nReports a vCPU dedicated to one isolated host CPU (a `<vcpupin>` or `<vcpu cpuset>` naming exactly one CPU of the isolated set I) when the kernel does not run that CPU tick-less (`nohz_full`) or, with it, does not offload its RCU callbacks (`rcu_nocbs`). It also reports a CPU that only tuned's `isolated_cores` isolates while the booted kernel does not isolate it at all. The message lists the missing layers and the kernel command line that completes them. The finding is on the pin's `cpuset`, once per domain and set of missing layers.\n\n## Why this matters\n\nIsolating a CPU for a vCPU takes several kernel layers, and each removes a different kind of interruption:\n\n- **scheduler isolation**: `isolcpus=domain,\u2026` (or `isolcpus=` with no flag) takes the CPU out of the scheduler domains, so no other task is load-balanced onto it. tuned's cpu-partitioning does the same job with systemd's CPUAffinity instead;\n- **tick-less operation**: `nohz_full=` (or the `nohz` flag of `isolcpus=`, which the kernel treats as the same thing, `kernel/sched/isolation.c`) stops the periodic scheduler tick while one task runs. Without it the CPU takes a timer interrupt every 1\u20134 ms, and each one exits the guest;\n- **RCU callback offload**: `rcu_nocbs=` moves RCU callback processing to kthreads on housekeeping CPUs.\n\n`nohz_full` implies the third layer. `rcu_init_nohz()` in `kernel/rcu/tree_nocb.h` ORs the nohz_full mask into the callback-offload mask, and `kernel-parameters.txt` says nohz_full CPUs \"will have their RCU callbacks offloaded, just as if they had also been called out in the rcu_nocbs= boot parameter\". So a host booted with `nohz_full=4-31` and no `rcu_nocbs` is complete, and this rule does not report it. tuned's current cpu-partitioning profile writes exactly that. The reverse does not hold: `rcu_nocbs` without `nohz_full` still leaves the tick.\n\nThe usual mistake is `isolcpus=4-31` alone. The guide's vCPUs are then kept away from other tasks but are still interrupted by the tick and by RCU, and that jitter is what the isolation was for. The other is changing tuned's `isolated_cores` without rebooting: the kernel command line tuned writes only applies at the next boot, so the new CPUs are isolated on paper only.\n\nScheduler isolation by itself is not required. cpu-partitioning deliberately leaves `isolcpus` out, so a CPU in `nohz_full` but not in `isolcpus` is not reported. The rule names `isolcpus` only when the booted kernel isolates the CPU in no way at all.\n\nThe running kernel's own view (`/sys/devices/system/cpu/nohz_full` and `isolated`) wins over the command line when the snapshot has it. `rcu_nocbs` is only known from the command line. A kernel built with `CONFIG_RCU_NOCB_CPU_DEFAULT_ALL` offloads every CPU by default, which a snapshot does not show. On such a kernel the RCU part of the message does not apply, but the missing `nohz_full` still does.\n\n## Incorrect\n\nOn a host booted with `isolcpus=2-15,18-31` and nothing else:\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\n## Correct\n\nThe same domain on a host booted with `isolcpus=2-15,18-31 nohz_full=2-15,18-31 rcu_nocbs=2-15,18-31`, or with tuned cpu-partitioning's `nohz_full=2-15,18-31` (RCU offload implied):\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix, because the change is on the host, not in the domain XML. Add the missing parameter to the kernel command line (`grubby --update-kernel=ALL --args=\"nohz_full=\u2026\"`, or through tuned's profile) and reboot. The message suggests `nohz_full=` with the whole isolated set. If `isolcpus=` already carries the `nohz` flag, it suggests widening that instead: a `nohz_full=` naming other CPUs than `isolcpus=nohz,\u2026` is ignored (\"nohz_full= must match isolcpus=\"). When only tuned lists the CPU, reboot so the profile's command line applies.\n\n## Needs\n\n**host snapshot** with the kernel command line or `/sys/devices/system/cpu/nohz_full`. Without either, the rule reports one info note on the snapshot saying it was not checked. It applies only to pinned domains, to vCPUs dedicated to a single CPU, and to CPUs in the isolated set.\n\n## Sources\n\n- Linux `Documentation/admin-guide/kernel-parameters.txt`: `isolcpus`, `nohz_full` (\"Any CPUs in this list will have their RCU callbacks offloaded, just as if they had also been called out in the rcu_nocbs= boot parameter\"), `rcu_nocbs`.\n- Linux `kernel/rcu/tree_nocb.h`: `rcu_nocb_setup()` and `rcu_init_nohz()` (nohz_full CPUs added to `rcu_nocb_mask`).\n- Linux `kernel/sched/isolation.c`: `housekeeping_isolcpus_setup()` (\"isolcpus=nohz is equivalent to nohz_full\") and `housekeeping_setup()` (\"nohz_full= must match isolcpus=\").\n- Linux `drivers/base/cpu.c`: `/sys/devices/system/cpu/isolated` and `/sys/devices/system/cpu/nohz_full`.\n- tuned `profiles/cpu-partitioning/tuned.conf` (`nohz_full=${isolated_cores}` on the boot command line) and `profiles/realtime-virtual-host/tuned.conf` (`nohz_full` and `rcu_nocbs`).\n- libvirt kbase, KVM real time guest configuration (kvm-realtime): isolated host CPUs for realtime vCPUs.\n",
    "isolation-params-consistency": '# isolation-params-consistency\n\nReports a host whose CPU isolation parameters contradict each other, the running kernel or tuned. The cases are: `nohz_full=` ignored because it does not match `isolcpus=nohz,\u2026`; a parameter naming CPUs beyond the possible range (an error for `isolcpus`/`nohz_full`); a CPU list that does not parse; tuned\'s `isolated_cores` differing from what the booted kernel isolates; the command line disagreeing with `/sys/devices/system/cpu/isolated` or `nohz_full`; `irqaffinity=` including isolated CPUs. Each finding is on the host snapshot, at the offending value: the parameter inside `kernel.cmdline`, `tuned.isolatedCores`, or the `/sys` value. It is reported once per host, not once per domain.\n\n## Why this matters\n\nThe isolated set every other rule works from comes from several parameters, and the kernel does not simply take their union:\n\n- **`isolcpus=nohz,\u2026` and `nohz_full=`** set up the same isolation. `housekeeping_setup()` (`kernel/sched/isolation.c`) ignores the second one whole when its CPUs differ ("Housekeeping: nohz_full= must match isolcpus="). Half of the intended tick-less CPUs then keep their tick.\n- **A CPU beyond the possible range** makes `cpulist_parse()` fail on current kernels, which parse lists only up to nr_cpu_ids\u22121. `housekeeping_setup()` then drops the whole `isolcpus`/`nohz_full` value and isolates nothing, which is an error. `rcu_nocbs=` falls back to offloading every CPU ("rcu_nocbs= bad CPU range, all CPUs set"). `irqaffinity=` keeps what it parsed before the bad CPU. Older kernels with a cpumask NR_CPUS wide may accept the value, so the message says "may".\n- **tuned `isolated_cores` \u2260 the booted kernel**: tuned\'s bootloader plugin only changes the command line for the next boot. After a profile or variables change without a reboot, tuned moves IRQs and workqueues for the new set while the kernel still isolates the old one.\n- **Command line \u2260 `/sys/devices/system/cpu/isolated` (or `nohz_full`)**: the kernel did not apply what the command line says, because of a rejected value, a kernel built without `CONFIG_NO_HZ_FULL`, or cpuset isolated partitions on newer kernels. kvmlint uses the running kernel\'s view, so the user should know it differs.\n- **`irqaffinity=` inside the isolated set** sends every interrupt without an affinity of its own to the CPUs the vCPUs were given. `irq_affinity_setup()` (`kernel/irq/irqdesc.c`) also always adds the boot CPU.\n\nA value covering every present CPU is reported too. The kernel then keeps the boot CPU for housekeeping, and that single CPU takes every interrupt and kernel thread.\n\n### Nodes without a housekeeping CPU (opt-in)\n\nrules.md also names a NUMA node whose online CPUs are all isolated. Its node-bound kernel threads (kswapd, kcompactd) then run on isolated CPUs or away from the node\'s memory, depending on the kernel, and the emulator threads of guests pinned there must run on another node. The tuning guide\'s own host (`isolcpus=4-31` on a dual-socket host, housekeeping 0-3 all on node 0) is built exactly this way, and its examples pin guests to node 1. So this check is off by default. Turn it on with the rule option `housekeepingPerNode: true`. It then reports each such node where a planned guest pins vCPUs, at `nodes[i].cpus`, naming up to three of those guests.\n\n## Incorrect\n\nHost snapshot (`kernel.cmdline`):\n\n```json\n"cmdline": "ro isolcpus=nohz,domain,2-15,18-31 nohz_full=4-15,20-31 irqaffinity=0-3,16-19"\n```\n\nFor any pinned domain on that host:\n\n```xml\n<cputune>\n  <vcpupin vcpu=\'0\' cpuset=\'4\'/>\n  <emulatorpin cpuset=\'0-1\'/>\n</cputune>\n```\n\n## Correct\n\n```json\n"cmdline": "ro isolcpus=nohz,domain,managed_irq,2-15,18-31 irqaffinity=0-1,16-17"\n```\n\n```xml\n<cputune>\n  <vcpupin vcpu=\'0\' cpuset=\'4\'/>\n  <emulatorpin cpuset=\'0-1\'/>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix, because the change is on the host. Edit the kernel command line (grubby, or the tuned profile\'s variables) so that `isolcpus` and `nohz_full` name the same CPUs, every list stays within the possible CPUs, and `irqaffinity` names housekeeping CPUs only. Then reboot. After changing tuned\'s `isolated_cores`, reboot so the kernel and tuned agree.\n\nTo check nodes without housekeeping CPUs, set the option in `kvmlint.config.json`:\n\n```json\n"rules": { "isolation-params-consistency": ["warn", { "housekeepingPerNode": true }] }\n```\n\n## Needs\n\n**host snapshot** with the kernel command line, `/sys/devices/system/cpu/{isolated,nohz_full}` or tuned\'s `isolated_cores`. Each check uses the facts it needs and is skipped without them. The rule reports on the snapshot file whether or not any domain is planned on the host.\n\n## Sources\n\n- Linux `kernel/sched/isolation.c`: `housekeeping_setup()` ("nohz_full= or isolcpus= incorrect CPU range", "nohz_full= must match isolcpus=", "must include one present CPU") and `housekeeping_isolcpus_setup()` ("isolcpus=nohz is equivalent to nohz_full").\n- Linux `kernel/rcu/tree_nocb.h`: `rcu_nocb_setup()` ("rcu_nocbs= bad CPU range, all CPUs set").\n- Linux `kernel/irq/irqdesc.c`: `irq_affinity_setup()` (adds the boot CPU).\n- Linux `drivers/base/cpu.c`: `/sys/devices/system/cpu/isolated` (CPUs outside the HK_TYPE_DOMAIN housekeeping mask) and `/sys/devices/system/cpu/nohz_full`.\n- Linux `Documentation/admin-guide/kernel-parameters.txt`: `isolcpus`, `nohz_full`, `rcu_nocbs`, `irqaffinity`, "cpu lists".\n- tuned `profiles/cpu-partitioning/tuned.conf` and `profiles/realtime/tuned.conf` (the `[bootloader]` command lines built from `isolated_cores`).\n',
    "isolcpus-floating-affinity": "# isolcpus-floating-affinity\n\nReports a thread affinity (a `<vcpupin>`, `<emulatorpin>`, `<iothreadpin>` or `<vcpu cpuset>`) that lets threads run on two or more CPUs of the host's isolcpus *domain* set: CPUs that belong to no scheduler domain and are therefore never load-balanced. It also counts tuned cpu-partitioning's `no_balance_cores`. The finding is on the `cpuset` attribute. Affinities naming the same CPUs are one pool of threads floating together: one finding at the first of them, the others related.\n\n## Why this matters\n\n`isolcpus=domain,\u2026` (or `isolcpus=` with no flag) takes CPUs out of the scheduler domains. The load balancer then never moves a task to, from, or between those CPUs, which is exactly what isolation is for: nothing else lands there. The same property makes a *floating* pin over isolated CPUs useless. A thread allowed on CPUs 8-11 starts on one of them and stays there, however busy that CPU gets and however idle the other three are. Several vCPUs sharing one floating pool, or an emulator pinned to a range of isolated CPUs, can end up stacked on a single CPU. The kernel documentation of `isolcpus` and libvirt's kvm-realtime page both expect one thread per isolated CPU.\n\nThreads without any pin are not reported. libvirt gives them every online CPU, but the scheduler only places and balances such a thread inside scheduler domains, so it does not drift onto isolcpus CPUs. Hosts isolated with `nohz_full` only (tuned cpu-partitioning) keep load balancing, so floating pins there are not reported either. A pin that reaches a single isolated CPU (for example `emulatorpin cpuset='2-4'` with 4 isolated) is not reported, because one CPU cannot stack threads against another.\n\nThe domain set is read from `/sys/devices/system/cpu/isolated` when the snapshot has it (the running kernel), else from `isolcpus=` on the kernel command line.\n\n## Incorrect\n\nOn a host booted with `isolcpus=4-31`:\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='8-11'/>\n  <vcpupin vcpu='1' cpuset='8-11'/>\n  <emulatorpin cpuset='12-13'/>\n</cputune>\n```\n\n```xml\n<vcpu placement='static' cpuset='4-7'>4</vcpu>\n```\n\n## Correct\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='8'/>\n  <vcpupin vcpu='1' cpuset='9'/>\n  <emulatorpin cpuset='0-3'/>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix, because choosing a CPU for each thread is a capacity decision. Pin each vCPU to one isolated CPU of its own, and put the emulator and IOThreads on housekeeping CPUs (where the scheduler does balance). If the guest really needs a shared pool, take those CPUs out of `isolcpus` and isolate them with `nohz_full` alone, or use a cpuset partition with load balancing.\n\n## Needs\n\n**host snapshot** with the kernel command line or `/sys/devices/system/cpu/isolated` (or tuned's `no_balance_cores`). When the snapshot has some isolation facts but not these, the rule reports one info note on the snapshot saying it was not checked. When it has no isolation facts at all (a `virsh capabilities` import), `housekeeping-overlap` already says so and this rule stays silent. Without a host, the rule is silent.\n\n## Sources\n\n- Linux `Documentation/admin-guide/kernel-parameters.txt`, `isolcpus`: isolated CPUs are removed from the general SMP balancing and scheduling algorithms. The only way to move a process onto or off an isolated CPU is through its affinity.\n- Linux `kernel/sched/isolation.c` (`housekeeping_isolcpus_setup`: no flag means `domain`) and `kernel/sched/topology.c` (isolated CPUs are left out of the scheduler domains).\n- Linux `drivers/base/cpu.c`: `/sys/devices/system/cpu/isolated`.\n- tuned `profiles/cpu-partitioning` (`no_balance_cores`: \"disable the kernel load balancing in certain isolated CPUs\").\n- libvirt, Domain XML format, \xA7CPU Tuning (`vcpupin`, `emulatorpin`, `iothreadpin`) and \xA7CPU Allocation (`<vcpu cpuset>`). libvirt kbase kvm-realtime: one isolated CPU per realtime vCPU.\n",
    "locked-memory-risk": "# locked-memory-risk\n\nReports `<memoryBacking><locked/>` in a QEMU/KVM domain without a `<memtune><hard_limit>`, or without hugepages. One warning on the `<locked/>` element says which of the two (or both) is missing.\n\n## Why this matters\n\n`<locked/>` asks QEMU to lock all of its memory (`mlockall`, QEMU's `-overcommit mem-lock=on`) so nothing of the guest is ever swapped out. The kernel caps locked memory per process with `RLIMIT_MEMLOCK`, so libvirt has to raise that limit for QEMU, and how far depends on `<memtune>` (`qemuDomainGetMemLockLimitBytes` in `qemu_domain.c`):\n\n- **with a `hard_limit`**, the lock limit is the `hard_limit`;\n- **without one**, libvirt cannot know how much memory QEMU will allocate for itself, so it removes the limit altogether (`VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`). Guest RAM plus everything QEMU allocates for itself are then locked with no upper bound, and the host can never reclaim any of it. libvirt's documentation calls this a potential security risk (a guest that makes QEMU allocate memory can lock host memory without limit) and \"highly recommends\" a `hard_limit` with `<locked/>`.\n\nSize the `hard_limit` as the guest RAM plus QEMU's own memory, generously: libvirt also applies it as the cgroup memory limit, each memory mapping QEMU locks must fit under it, and too low a value stops QEMU from starting (`mlockall` fails) or gets it killed later. A `hard_limit` written as 9007199254740991 KiB (the value `virsh memtune` shows for \"unlimited\") is treated as no limit.\n\nWithout hugepages, `<locked/>` locks the whole guest RAM in ordinary pages: all of it is allocated and faulted in when QEMU starts, and it leaves the host's reclaimable memory for good. On kernels where compaction does not move locked pages (`vm.compact_unevictable_allowed=0`, the default with PREEMPT_RT), those pages also stay where they are and fragment memory around them. Hugepages are never swapped anyway, so with hugepages `<locked/>` only has to lock QEMU's own, much smaller, memory.\n\nThe rule only looks at `type='kvm'` and `type='qemu'`: the memlock handling above is the QEMU driver's.\n\n## Incorrect\n\n```xml\n<memory unit='GiB'>16</memory>\n<memoryBacking>\n  <hugepages>\n    <page size='2048' unit='KiB'/>\n  </hugepages>\n  <locked/>\n</memoryBacking>\n```\n\n```xml\n<memory unit='GiB'>16</memory>\n<memtune>\n  <hard_limit unit='GiB'>18</hard_limit>\n</memtune>\n<memoryBacking>\n  <locked/>\n</memoryBacking>\n```\n\n## Correct\n\n```xml\n<memory unit='GiB'>16</memory>\n<memtune>\n  <hard_limit unit='GiB'>18</hard_limit>\n</memtune>\n<memoryBacking>\n  <hugepages>\n    <page size='2048' unit='KiB'/>\n  </hugepages>\n  <locked/>\n</memoryBacking>\n```\n\n## Fix\n\nThere is no automatic fix: the right `hard_limit` depends on the guest's devices and QEMU's own needs, and hugepages need a host pool. Add `<memtune><hard_limit>` (guest RAM plus a margin for QEMU) and back the guest with hugepages, or drop `<locked/>` if the workload does not need it.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7Memory Backing (`locked`: \"it has to remove the limit on locked memory altogether \u2026 it's highly recommended to set a hard_limit\") and \xA7Memory Tuning (`hard_limit`).\n- libvirt `src/qemu/qemu_domain.c` (`qemuDomainGetMemLockLimitBytes`: the `hard_limit`, else unlimited when `<locked/>`), `qemuDomainAdjustMaxMemLock`.\n- Linux `mm/mlock.c` (`mlockall` checks the process's mapped size against `RLIMIT_MEMLOCK` unless it has `CAP_IPC_LOCK`); mlockall(2).\n- Linux `Documentation/admin-guide/sysctl/vm.rst` (`compact_unevictable_allowed`: 0 on PREEMPT_RT).\n- Red Hat, Virtualization Tuning and Optimization Guide, \xA7Memory Backing: with `locked`, set `hard_limit` to the guest's memory plus what the process itself consumes.\n",
    "memory-config-invalid": "# memory-config-invalid\n\nReports memory sizing that libvirt refuses: a domain with no `<memory>` and no guest NUMA cell memory, a memory device (`<memory model='dimm|nvdimm|virtio-mem'>`) plugged into a guest NUMA node the domain does not have, `<maxMemory>` below `<memory>`, more DIMM/NVDIMM devices than `<maxMemory slots>`, and memory hotplug (`<maxMemory>`) without guest NUMA cells on architectures other than ppc64. A virtio-mem or virtio-pmem device whose fixed address range (`<target><address base>` plus its `<size>`) holds another virtio-mem or virtio-pmem device's base is an error too: libvirt rejects it (`virDomainMemoryDefCheckConflict`: \"memory device address [0x\u2026:0x\u2026] overlaps with other memory device (0x\u2026)\"; libvirt's test `memory-hotplug-virtio-mem-overlap-address`). A device starting exactly where another ends does not overlap. DIMMs and NVDIMMs (`<address type='dimm' base>`) are not part of that check, in libvirt or here: libvirt leaves their placement to QEMU, and an NVDIMM's range there is not its `<size>` (the label is cut off and the rest aligned; libvirt's test `memory-hotplug-nvdimm-overlap` is accepted).\n\n## Why this matters\n\nAll of these stop `virsh define` (or, for hotplug without NUMA cells, the define on older libvirt):\n\n| case | libvirt | severity |\n| --- | --- | --- |\n| no `<memory>`, no cell memory | \"Memory size must be specified via `<memory>` or in the `<numa>` configuration\" | error |\n| device `<target><node>` \u2265 number of guest cells, or any node with no cells | `virDomainMemoryDefValidate`: \"can't add memory backend for guest node \u2026\" | error |\n| `<maxMemory>` < `<memory>` | \"maximum memory size must be equal or greater than the actual memory size\" | error |\n| DIMM/NVDIMM count > `slots` | \"Count of memory devices requiring memory slots \u2026 exceeds slots count\" | error |\n| `<maxMemory>` without guest NUMA cells (not ppc64) | `qemu_validate.c`: \"At least one numa node has to be configured when enabling memory hotplug\" | depends on the libvirt version, below |\n\nvirtio-mem and virtio-pmem are PCI devices and take no slot.\n\n## libvirt versions\n\nFrom **libvirt 9.6.0** (NEWS: \"qemu: Add NUMA node automatically for memory hotplug\"; `qemuDomainDefNumaAutoAdd`) libvirt adds one guest NUMA cell itself when a *new* definition enables memory hotplug without cells. It still rejects such a definition when it is loaded without that update (libvirt's own test suite parses `memory-hotplug-nonuma` that way and expects the error). So with the host's libvirt version known (the config's `hosts[].libvirtVersion` or the snapshot's `libvirtVersion`):\n\n- older than 9.6.0: **error** (the define fails);\n- 9.6.0 or later: **info** (libvirt adds the cell; writing it keeps the definition the same everywhere);\n- unknown: **warning**, naming both behaviours.\n\n## Incorrect\n\n```xml\n<maxMemory slots='1' unit='GiB'>4</maxMemory>\n<memory unit='GiB'>8</memory>\n<cpu>\n  <numa>\n    <cell id='0' cpus='0-3' memory='8' unit='GiB'/>\n  </numa>\n</cpu>\n<devices>\n  <memory model='dimm'>\n    <target>\n      <size unit='GiB'>2</size>\n      <node>1</node>\n    </target>\n  </memory>\n</devices>\n```\n\n## Correct\n\n```xml\n<maxMemory slots='4' unit='GiB'>64</maxMemory>\n<memory unit='GiB'>10</memory>\n<cpu>\n  <numa>\n    <cell id='0' cpus='0-3' memory='8' unit='GiB'/>\n  </numa>\n</cpu>\n<devices>\n  <memory model='dimm'>\n    <target>\n      <size unit='GiB'>2</size>\n      <node>0</node>\n    </target>\n  </memory>\n</devices>\n```\n\n## Not checked (yet)\n\n- Sizes that overflow when libvirt aligns them (`memory-align-fail`): not in the oracle set, because its `.err` file could not be read to confirm libvirt's reason.\n\n## Fix\n\nThere is no automatic fix: the sizes and the cell a device belongs to are a person's choice.\n\n## Needs\n\n**domain**; with a host snapshot that records the libvirt version, the hotplug case follows it.\n\n## Sources\n\n- libvirt `src/conf/domain_validate.c` (`virDomainMemoryDefValidate`), `src/conf/domain_conf.c` (memory and maxMemory checks), `src/qemu/qemu_validate.c` (memory hotplug needs a NUMA node), `src/qemu/qemu_domain.c` (`qemuDomainDefNumaAutoAdd`, 9.6.0).\n- libvirt, Domain XML format, \xA7Memory Allocation (`maxMemory`, `slots`) and \xA7Memory devices.\n- libvirt tests: `tests/qemuxmlconfdata/no-memory.*`, `memory-hotplug-invalid-targetnode.*`, `memory-hotplug-nonuma.*`, `memory-hotplug-ppc64-nonuma.*` (accepted: ppc64 needs no cell).\n",
    "memory-not-hugepage-multiple": "# memory-not-hugepage-multiple\n\nReports hugepage-backed guest memory that is not a whole number of pages: a guest NUMA cell whose `memory` is not a multiple of the page size backing it, or, for a guest without cells, `<memory>` (less any memory devices). It is a warning, or an error when the memory is smaller than one page, or an info note when the unused part of the last page is under 1% of the region (1 MiB of a 2 MiB page behind a 4 GiB guest: the page is not worth a warning; half of a 1 GiB page is). The finding is on the cell's `memory` value or on the `<memory>` text. Suggestions (never `--fix`): round up, or round down, to whole pages.\n\n## Why this matters\n\nEach hugepage-backed region of guest RAM, one per guest cell or one for the whole guest, is a hugetlbfs file that QEMU maps in whole pages:\n\n- when the region is **smaller than one page**, QEMU refuses to start: \"memory size \u2026 must be equal to or larger than page size\" (`file_ram_alloc`). A 512 MiB test guest on 1 GiB pages never boots;\n- otherwise QEMU rounds the region **up** to whole pages. The guest sees the size it was given, but the pool loses one page more, and the rest of that page is never used. With 1 GiB pages, a 4608 MiB cell costs five pages for 4.5 pages of memory. On hosts where every page is reserved for a planned guest, that extra page is what makes the next guest fail (see `insufficient-hugepages`, which counts pages the same way: ceil(memory / page size)).\n\nThe page size of a region is the `<page size>` whose `nodeset` names the cell, else the `<page>` without a nodeset. For `<hugepages/>` with no `<page>`, it is the host's default hugepage size. That size is known only when a host snapshot is linted (`Hugepagesize` in `/proc/meminfo`). **Without a host the rule skips such guests**, since the default differs by architecture and by `default_hugepagesz=`. Pages in a decimal unit, and pages without a size, are left to `hugepage-size-decimal-unit` and `hugepages-config-invalid`. Memory devices (`<memory model='dimm'>` \u2026) have backends of their own and are not part of the regions checked here.\n\n## Incorrect\n\n```xml\n<memoryBacking>\n  <hugepages>\n    <page size='1' unit='G'/>\n  </hugepages>\n</memoryBacking>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-1' memory='4096' unit='MiB'/>\n    <cell id='1' cpus='2-3' memory='4608' unit='MiB'/>\n  </numa>\n</cpu>\n```\n\nError, less than one page:\n\n```xml\n<memory unit='MiB'>512</memory>\n<memoryBacking>\n  <hugepages>\n    <page size='1048576' unit='KiB'/>\n  </hugepages>\n</memoryBacking>\n```\n\n## Correct\n\n```xml\n<memoryBacking>\n  <hugepages>\n    <page size='1' unit='G' nodeset='0'/>\n    <page size='2' unit='M' nodeset='1'/>\n  </hugepages>\n</memoryBacking>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-1' memory='4096' unit='MiB'/>\n    <cell id='1' cpus='2-3' memory='4608' unit='MiB'/>\n  </numa>\n</cpu>\n```\n\n## Fix\n\nNo automatic fix: growing a guest takes pages from a shared pool, and shrinking it takes memory from the guest, so the direction is a person's choice. kvmlint offers two **suggestions** (shown in text output, in JSON `suggestions` and in SARIF `result.fixes`; never applied by `--fix`): set the size to the next whole number of pages, or to the whole pages below it (not offered when that is zero). The new size keeps the unit already written when it is exact there, else it is written in KiB with `unit='KiB'`. After resizing a cell, `guest-numa-memory-sum` offers the matching `<memory>` total as a safe fix.\n\n## Needs\n\n**domain**, and a **host snapshot** for `<hugepages/>` without `<page>` (the host's default page size). Without one, those guests are skipped.\n\n## Sources\n\n- QEMU `system/physmem.c` (`file_ram_alloc`): the size check against the page size and the round-up to whole pages.\n- libvirt `src/qemu/qemu_command.c`: one memory backend per guest cell with the page size from `<hugepages>`.\n- libvirt, Domain XML format, \xA7Memory Backing (`page size unit nodeset`, the host's default size for an empty `<hugepages/>`).\n- Linux `Documentation/admin-guide/mm/hugetlbpage.rst`: hugetlbfs files are sized in whole huge pages.\n",
    "min-free-kbytes-exceeds-node-free": "# min-free-kbytes-exceeds-node-free\n\nComputes each NUMA node's share of `vm.min_free_kbytes` the way the kernel does, and compares it with the memory that node has free once the planned guests bound strictly to it have been placed. The finding is an error when a node's min watermark is above its free memory, and a warning when its high watermark is. A node that the planned guests overfill, or push from above its high watermark to between min and high, is left to `numa-memory-insufficient`, so one situation is reported once. It is reported on the host snapshot, at the `vm.minFreeKbytes` value, and the message gives the largest value that keeps every node safe.\n\n## Why this matters\n\n`vm.min_free_kbytes` is not one pool for the whole machine. `__setup_per_zone_wmarks()` (mm/page_alloc.c) splits it over all lowmem zones of all nodes in proportion to each zone's managed pages:\n\n- zone min = pages_min \xD7 managed(zone) / \u03A3 managed(lowmem zones);\n- Movable and HighMem zones instead get a small clamped value;\n- low = min + gap and high = low + gap, where gap = max(min / 4, managed \xD7 `vm.watermark_scale_factor` / 10000).\n\nA node's share is the sum over its zones. Free memory is not even across nodes on a hypervisor. Hugepage pools are carved out of a node's memory, and guests bound with `mode='strict'` allocate only from their nodes. A node can end up with less free memory than its own watermarks although the host as a whole has plenty:\n\n- **below min** (error): every allocation on the node falls into direct reclaim. A strictly bound guest cannot fall back to another node (MPOL_BIND), so the OOM killer picks a process, very likely that guest's QEMU;\n- **below high** (warning): kswapd on that node never reaches its target and reclaims continuously, dropping page cache and burning housekeeping CPU while other nodes sit idle.\n\nFree memory per node is `MemFree` from the snapshot (`/sys/devices/system/node/nodeN/meminfo`), less the memory of each planned domain that binds small (non-hugepage) pages to the node with `strict` or `restrictive`. `preferred` and `interleave` allocations can fall back to other nodes, and hugepages come from the pools, so none of them is subtracted. The zones come from `/proc/zoneinfo` managed pages when the snapshot has them. Otherwise each node's MemTotal stands in for one Normal zone, and the message says so.\n\n### What numa-memory-insufficient reports instead\n\n`numa-memory-insufficient` looks at the same numbers from the guests' side, and one shared decision (`src/model/node-memory.ts`) gives each node to one rule, so a situation is reported once:\n\n- the planned guests do not fit in the node's free memory at all: `numa-memory-insufficient` (error), on the domains. No value of `vm.min_free_kbytes` makes room, so this rule neither reports the node nor lets it constrain the safe value it suggests;\n- the plan leaves the node below its **min** watermark: this rule (error), whether the host or the plan got it there;\n- the plan leaves the node between min and high, and the node was above its high watermark without the planned guests: `numa-memory-insufficient` (warning), since the guests took the margin. When the node was already below high without them, this rule reports it (warning).\n\n## Incorrect\n\nHost: two nodes of 64 GiB, node 1 has 45000 MiB free, `vm.min_free_kbytes=524288` (node 1's min share is 256 MiB). This guest leaves node 1 only 100 MiB:\n\n```xml\n<memory unit='MiB'>44900</memory>\n<vcpu placement='static'>8</vcpu>\n<numatune>\n  <memory mode='strict' nodeset='1'/>\n</numatune>\n```\n\n```json\n\"vm\": { \"minFreeKbytes\": 524288, \"watermarkScaleFactor\": 10 }\n```\n\n## Correct\n\nLeave headroom above the high watermark on every node. Spread the small-page guests over both nodes, back large guests with hugepages (reserved up front and not part of `MemFree`), or lower `vm.min_free_kbytes` to the value the message gives:\n\n```xml\n<memory unit='GiB'>20</memory>\n<numatune>\n  <memory mode='strict' nodeset='1'/>\n</numatune>\n```\n\n## Fix\n\nThere is no automatic fix: the change is on the host (`sysctl vm.min_free_kbytes=\u2026`, persisted in `/etc/sysctl.d/` or a tuned profile) or in where guests are placed. The message gives the largest `vm.min_free_kbytes` that keeps every node's min watermark (for the error) or high watermark (for the warning) within its free memory. If even 0 is too much, the node is simply overcommitted: move guests off it.\n\n## Needs\n\n**host snapshot**, and the **plan** when domains are mapped to the host: per-node `MemFree` and `MemTotal` (or `/proc/zoneinfo`), `vm.min_free_kbytes` and `vm.watermark_scale_factor`. If the snapshot has no `vm.min_free_kbytes` or no per-node free memory, the rule reports one info note and stops.\n\n## Limitations\n\n- Free memory is the snapshot's `MemFree` of each node *minus* the small-page memory that the\n  planned domains bind strictly to it. A planned domain that was already running when the\n  snapshot was captured is therefore counted twice (its memory is already out of `MemFree`):\n  capture the snapshot on the host as it will be before the planned guests start, or expect\n  the finding to be conservative.\n- A strict binding over several nodes is split evenly; the kernel fills the first node with\n  room first, so the pressure on that node can be higher than estimated.\n\n## Sources\n\n- Linux `Documentation/admin-guide/sysctl/vm.rst`: `min_free_kbytes` (\"each lowmem zone gets a number of reserved free pages based proportionally on its size\") and `watermark_scale_factor`.\n- Linux `mm/page_alloc.c`: `__setup_per_zone_wmarks()`, the formula above.\n- Linux `Documentation/admin-guide/mm/numa_memory_policy.rst`: MPOL_BIND does not fall back to other nodes.\n- libvirt, Domain XML format, \xA7NUMA Node Tuning (`mode` `strict`, `restrictive`, `preferred`, `interleave`).\n- The KVM tuning guide for Rocky Linux: `min_free_kbytes` on NUMA hosts, checked per node.\n",
    "min-free-kbytes-guideline": '# min-free-kbytes-guideline\n\nWarns when `vm.min_free_kbytes` is above 2% of the host\'s total memory (the threshold is configurable), and reports an error when it is below 1024 KB, the floor the kernel documentation warns about. The 1\u20132% range is the KVM tuning guide\'s advice, not a kernel limit. The finding is reported on the host snapshot, at the `vm.minFreeKbytes` value.\n\n## Why this matters\n\n`vm.min_free_kbytes` is the memory the kernel keeps free for allocations that must not fail (atomic allocations, PF_MEMALLOC reclaim paths). From it the kernel derives the min, low and high watermarks of every zone (see `min-free-kbytes-exceeds-node-free`).\n\n- **Too low** (error): `Documentation/admin-guide/sysctl/vm.rst` says that below 1024 KB "your system will become subtly broken, and prone to deadlock under high loads". Reclaim itself needs memory, and the reserve is too small to provide it.\n- **Too high** (warning): every KiB of it is memory no guest can use. It also raises every zone\'s low and high watermarks, so kswapd starts reclaiming earlier and works harder on each node. The vm.rst page warns that "setting this too high will OOM your machine instantly".\n\n**The 1\u20132% range is the tuning guide\'s advice, not a kernel limit.** The kernel sets its own boot-time default from the lowmem size (`init_per_zone_wmark_min()` in mm/page_alloc.c), and khugepaged raises it when transparent hugepages are enabled. Any value from 0 to INT_MAX is accepted. The guide\'s range comes from experience with hypervisors that have a lot of memory: 1% is plenty of headroom for network and storage bursts, and more than 2% is rarely useful. Hosts with unusual loads, such as very high packet rates into atomic allocations, may need more. Raise `maxPercent` for them, or disable the rule for that host.\n\nWhether the value fits each NUMA node\'s free memory is a separate, hard check: `min-free-kbytes-exceeds-node-free`.\n\n## Incorrect\n\nOn a host with 128 GiB (134217728 KiB), 4 GiB is 3.1%:\n\n```json\n"vm": { "minFreeKbytes": 4194304, "watermarkScaleFactor": 10 }\n```\n\nBelow the kernel\'s floor:\n\n```json\n"vm": { "minFreeKbytes": 512 }\n```\n\n## Correct\n\n0.4% of 128 GiB:\n\n```json\n"vm": { "minFreeKbytes": 524288, "watermarkScaleFactor": 10 }\n```\n\nExactly 2% (134217728 \xD7 2 / 100, rounded down) is not above the guideline:\n\n```json\n"vm": { "minFreeKbytes": 2684354 }\n```\n\nA high value is sometimes meant to keep memory free for large guests. That memory cannot be given to any guest, though. Reserve it as a hugepage pool instead (`nr_hugepages` per node) and back the guest with it:\n\n```xml\n<memory unit=\'GiB\'>16</memory>\n<memoryBacking>\n  <hugepages>\n    <page size=\'2048\' unit=\'KiB\'/>\n  </hugepages>\n</memoryBacking>\n<numatune>\n  <memory mode=\'strict\' nodeset=\'1\'/>\n</numatune>\n```\n\n## Fix\n\nThere is no automatic fix: the value lives on the host. Set it with `sysctl -w vm.min_free_kbytes=N` and persist it in `/etc/sysctl.d/` or in the tuned profile that manages the host. The warning gives the threshold in KiB. For the error, use at least 1024; the help line gives the guide\'s 1\u20132% range for this host.\n\n## Options\n\n| option | type | default | meaning |\n| --- | --- | --- | --- |\n| `maxPercent` | number | `2` | Warn when `vm.min_free_kbytes` exceeds this percentage of the host\'s total memory (\u03A3 node MemTotal). |\n\nSet it in `kvmlint.config.json` with this rule\'s options.\n\n## Needs\n\n**host snapshot**: `vm.min_free_kbytes` and the nodes\' MemTotal. Without `vm.min_free_kbytes` the rule is silent, and without MemTotal only the 1024 KB floor is checked. Domains play no part.\n\n## Sources\n\n- Linux `Documentation/admin-guide/sysctl/vm.rst`, `min_free_kbytes`: the 1024 KB floor and the warning against values that are too high.\n- Linux `mm/page_alloc.c`: `init_per_zone_wmark_min()` (the kernel\'s default) and `__setup_per_zone_wmarks()`.\n- Linux `mm/khugepaged.c`: `set_recommended_min_free_kbytes()`.\n- The KVM tuning guide for Rocky Linux: `vm.min_free_kbytes` at 1\u20132% of RAM on hypervisors. This is the source of the guideline, and it is advice, not a kernel rule.\n',
    "missing-emulatorpin": "# missing-emulatorpin\n\nReports a pinned domain (one with a `<vcpupin>` or a `<vcpu cpuset>`) whose QEMU emulator threads are left unpinned: there is no `<emulatorpin>`, no `<vcpu cpuset>` and no automatic placement, so libvirt lets those threads run on every online host CPU, including the CPUs the vCPUs were pinned to and the isolated cores.\n\n## Why this matters\n\nlibvirt decides the emulator's affinity in this order (formatdomain \xA7CPU Tuning, `qemuProcessSetupEmulator` in `qemu_process.c`): `<emulatorpin cpuset>`, else `<vcpu cpuset>`, else the nodeset numad advises when `<vcpu placement='auto'>`, else **all online host CPUs**. The \"emulator\" is every thread of the QEMU process that is neither a vCPU nor an IOThread: the main loop, device emulation, the RCU thread and worker threads (disk I/O without an IOThread, migration, VNC/SPICE).\n\nPinning vCPUs 1:1 is meant to give each vCPU a CPU of its own. Emulator threads floating over all CPUs undo that:\n\n- the scheduler puts them on the vCPUs' own CPUs, where they preempt the vCPU: latency spikes and steal time in the guest;\n- on CPUs isolated with `isolcpus`/`nohz_full` they break the tickless state the isolation was for, and several guests' emulators can pile onto the same isolated core, because the scheduler does not balance load there.\n\nThe KVM tuning guide and libvirt's kvm-realtime page both put the emulator on housekeeping CPUs, away from the vCPUs.\n\nA `<vcpu cpuset>` already confines the emulator (to the same CPUs as the unpinned vCPUs), and with `placement='auto'` it follows numad's advice, so neither case is reported here. Whether the emulator *overlaps* dedicated vCPUs is a different question, for `emulatorpin-overlaps-vcpus`.\n\nThe finding is reported on the `<cputune>` start tag, where the `<emulatorpin>` belongs.\n\n## Severity\n\n- **error** when a vCPU with realtime scheduling (`<vcpusched scheduler='fifo'|'rr'>`) is pinned to a CPU the unpinned emulator may run on: a busy SCHED_FIFO vCPU never yields to the emulator thread there, and the emulator's work (or the vCPU behind it) starves: the guest, or with RT throttling off the host, can hang. This is the same hazard `emulatorpin-overlaps-vcpus` reports as an error for an explicit overlap.\n- **warning** otherwise: the guest runs, with latency spikes.\n- **info** when the host's libvirt already keeps the unpinned emulator off every vCPU CPU (below): nothing is wrong today, but the layout depends on the libvirt version and on the isolation staying as it is.\n\n## libvirt versions\n\nThe last link of the chain changed in **libvirt 10.4.0** (NEWS: \"qemu: Don't set affinity for isolcpus unless explicitly requested\"; commit da95bcb6, `qemuProcessGetAllCpuAffinity` in `src/qemu/qemu_process.c`):\n\n| host's libvirt | emulator without `<emulatorpin>` runs on |\n| --- | --- |\n| before 10.4.0 | every online CPU, isolated ones included |\n| 10.4.0 and later | every online CPU **minus** `/sys/devices/system/cpu/isolated` (the `isolcpus` domain set; `nohz_full` or tuned `isolated_cores` alone do not appear there), or every online CPU when nothing is isolated |\n\nSo with libvirt \u2265 10.4.0, vCPUs pinned to isolated CPUs and an `isolcpus` host, the emulator already stays on the housekeeping CPUs: an info. vCPUs pinned to CPUs that are not isolated still share them with the emulator: a warning naming those CPUs.\n\nThe version comes from the config's `hosts[].libvirtVersion`, else the snapshot's `libvirtVersion` (`kvmlint snapshot` reads it from dpkg's status file or `libvirt.pc`; on RPM hosts without `libvirt-devel` state it in the config). When it is unknown and the host isolates CPUs, the rule assumes the older behaviour and says so once per host (an info on the host snapshot).\n\n## Incorrect\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='16'/>\n  <vcpupin vcpu='1' cpuset='17'/>\n  <vcpupin vcpu='2' cpuset='18'/>\n  <vcpupin vcpu='3' cpuset='19'/>\n  <iothreadpin iothread='1' cpuset='0-3'/>\n</cputune>\n```\n\n## Correct\n\nPin the emulator to housekeeping CPUs (here 0-3, outside `isolcpus=4-31`):\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='16'/>\n  <vcpupin vcpu='1' cpuset='17'/>\n  <vcpupin vcpu='2' cpuset='18'/>\n  <vcpupin vcpu='3' cpuset='19'/>\n  <emulatorpin cpuset='0-3'/>\n  <iothreadpin iothread='1' cpuset='0-3'/>\n</cputune>\n```\n\nAlso accepted: a `<vcpu cpuset>` that bounds the whole domain.\n\n```xml\n<vcpu placement='static' cpuset='20-23'>4</vcpu>\n```\n\n## Fix\n\n`kvmlint --fix` inserts `<emulatorpin cpuset='X'/>` as the last child of `<cputune>` when the\ndomain is linted against a host snapshot whose housekeeping set is known and not empty. X is the\nhousekeeping CPUs (online CPUs minus `isolcpus`/`nohz_full`/tuned `isolated_cores`, or the\nconfig's `housekeeping` for the host) on the host NUMA node(s) of the vCPU pins, or every\nhousekeeping CPU when those nodes have none. The new line copies the indentation, quote style and\nline ending of the surrounding `<cputune>` children; nothing else in the file changes.\n\n```xml\n  <cputune>\n    <vcpupin vcpu='0' cpuset='4'/>\n    <vcpupin vcpu='1' cpuset='5'/>\n    <emulatorpin cpuset='0-3'/>\n  </cputune>\n```\n\nWithout a host snapshot, or on a host that declares no isolation, there is no fix: choosing\nbetween the shared housekeeping pool and one extra CPU reserved for this guest's emulator is a\nperson's decision. The message then says what to add.\n\n## Needs\n\n**domain**. Without a host snapshot the rule still reports, but the message cannot name CPUs. With one, it lists the online CPUs the emulator floats over and the housekeeping CPUs to use.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU Allocation (`<vcpu cpuset>`, `placement`) and \xA7CPU Tuning (`emulatorpin`: \"If this is omitted, and attribute cpuset of element vcpu is not specified, 'emulator' is pinned to all the physical CPUs by default\").\n- libvirt `src/qemu/qemu_process.c` (`qemuProcessSetupEmulator`, `qemuProcessSetupPid`), which applies the chain above.\n- libvirt kbase, KVM real time guest configuration (kvm-realtime): emulator threads on housekeeping CPUs.\n- Linux `Documentation/admin-guide/kernel-parameters` (`isolcpus`, `nohz_full`), on what isolation does and does not balance.\n- The KVM tuning guide for Rocky Linux: `emulatorpin` on housekeeping cores beside 1:1 vCPU pinning.\n",
    "no-host-cpu-left": "# no-host-cpu-left\n\nReports a guest that has as many running vCPUs as the host has online CPUs, with affinities that together cover every online CPU: pinned 1:1 over all of them, confined by a `<vcpu cpuset>` that names them all, or not pinned at all. Under load the guest's vCPUs can then hold every CPU of the host. The finding is on the `<vcpu>` element.\n\n## Why this matters\n\nThe host still has work to do while the guest runs: QEMU's emulator and I/O threads, interrupts, kernel threads (RCU, workqueues, kswapd), libvirt and everything else on the machine. When every CPU has a busy vCPU, that work only runs by preempting a vCPU, which the guest sees as steal time and latency spikes, and the host becomes sluggish or unresponsive. It is a common result of giving a VFIO guest \"all the cores\" of a desktop: the tuning guides reserve at least one core (both of its SMT threads) for the host.\n\n- **warning**: the guest runs, badly, and so does the host.\n- **error** when the vCPUs that cover every CPU have realtime scheduling (`<vcpusched scheduler='fifo'|'rr'>`): a busy SCHED_FIFO/SCHED_RR thread is never preempted by ordinary threads, so with no CPU left the host's kernel threads starve and the host can hang (libvirt's kvm-realtime page keeps housekeeping CPUs free for exactly this reason).\n\nNot reported:\n\n- vCPUs that start offline (`<vcpu current>` below the maximum, or `<vcpus><vcpu enabled='no'/>`): they run nowhere until hot-plugged, so only running vCPUs are counted;\n- fewer running vCPUs than online CPUs, or affinities that leave some CPU out;\n- `placement='auto'` or a cpuset that does not parse: the CPUs are not known statically.\n\nSeveral guests that together cover the host are the plan rules' concern (`dedicated-cpu-conflict`, `smt-sibling-sharing`).\n\n## Incorrect\n\nOn a host with 16 online CPUs:\n\n```xml\n<vcpu placement='static'>16</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='0'/>\n  <!-- \u2026 one vCPU per host CPU \u2026 -->\n  <vcpupin vcpu='15' cpuset='15'/>\n</cputune>\n```\n\n## Correct\n\nLeave a core (here CPUs 0 and 8, SMT siblings) to the host, and put the emulator there:\n\n```xml\n<vcpu placement='static'>14</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='1'/>\n  <!-- \u2026 CPUs 1-7 and 9-15 \u2026 -->\n  <vcpupin vcpu='13' cpuset='15'/>\n  <emulatorpin cpuset='0,8'/>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix: how many vCPUs the guest can give up is a person's choice. The help line names the CPUs to keep for the host: the housekeeping CPUs when the host declares isolation, else the first CPU and its SMT siblings.\n\n## Needs\n\n**host**: the online CPUs come from the host snapshot.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU Allocation (`<vcpu>`, `current`, `<vcpus>`) and \xA7CPU Tuning.\n- libvirt kbase, KVM real time guest configuration (kvm-realtime): housekeeping CPUs stay free of realtime vCPUs.\n- Linux `Documentation/scheduler/sched-rt-group.rst`: realtime tasks are not preempted by normal tasks.\n- The KVM tuning guide for Rocky Linux: reserve housekeeping cores for the host.\n",
    "not-a-domain": "# not-a-domain\n\nWarns when a file named explicitly on the command line (or by the pre-commit hook) is well-formed XML whose root element is not `<domain>`, so kvmlint cannot lint it as a libvirt domain definition. XML files found by walking a directory are skipped silently instead.\n\n## Why this matters\n\nRepositories of libvirt configuration hold more than domains: `virsh capabilities` output, network and storage pool definitions (`<network>`, `<pool>`), snapshot metadata (`<domainsnapshot>`, which wraps a `<domain>` but is not one), and unrelated XML. When a directory is walked, such files are not what the user asked to lint, and skipping them is expected. When a file is named explicitly, for example by a pre-commit hook matching `\\.xml$` or by a CI step with a path list, silently skipping it would let a wrong path or a mis-saved file pass as \"no problems found\". The warning says it was not checked and why.\n\nA common case is `virsh capabilities` output saved beside the domains. It describes the host, not a guest: pass it with `--host` so the host rules can use it.\n\nThe finding is placed on the root element's start tag.\n\n## Incorrect\n\nNamed explicitly (`kvmlint hosts/hv01-capabilities.xml networks/default.xml`):\n\n```xml\n<capabilities>\n  <host>\n    <topology>\n      <cells num='2'>\u2026</cells>\n    </topology>\n  </host>\n</capabilities>\n```\n\n```xml\n<network>\n  <name>default</name>\n  <forward mode='nat'/>\n  <bridge name='virbr0' stp='on' delay='0'/>\n</network>\n```\n\n## Correct\n\nA domain definition, with or without the XML declaration and libvirt's header comment:\n\n```xml\n<?xml version='1.0' encoding='UTF-8'?>\n<domain type='kvm'>\n  <name>wiki-02</name>\n  <memory unit='GiB'>4</memory>\n  <vcpu placement='static'>2</vcpu>\n</domain>\n```\n\n## Fix\n\nThere is no automatic fix. Leave non-domain files out of the paths you name (narrow the hook's `files:` pattern, or use `exclude:`). Pass host descriptions with `--host`. For a snapshot file, lint the `<domain>` it contains by saving it with `virsh dumpxml` instead.\n\nWith pre-commit, for example:\n\n```yaml\n- id: kvmlint\n  files: ^domains/.*\\.xml$\n```\n\n## Needs\n\n**domain** (any XML file named explicitly).\n\n## Sources\n\n- libvirt, Domain XML format (the `<domain>` root), Network XML format (`<network>`), Storage pool XML format (`<pool>`), Snapshot XML format (`<domainsnapshot>`), and formatcaps (`<capabilities>`).\n- kvmlint design, \xA74 CLI: files whose root is not `<domain>` are skipped when found by a directory walk and reported when named explicitly.\n",
    "numa-memory-insufficient": "# numa-memory-insufficient\n\nAdds up, for each host NUMA node, the ordinary (small-page) memory that the planned guests bind to it with `mode='strict'` or `restrictive`, and compares the sum with the node's free memory. It is an error when the sum exceeds the free memory. It is a warning when the guests fit but leave the node below its high watermark, when the node was above it without them. Reported once per node, on the `<memory>` or `<memnode>` nodeset of the domain that binds the most there, naming the node, the total and the free memory; every other contributing nodeset is a related location with its domain's part.\n\n## Why this matters\n\nA strict binding (MPOL_BIND) allocates only from the bound nodes: when node 1 runs out, the guest's memory does not spill to node 0. The kernel reclaims and then calls the OOM killer, limited to the tasks bound there, which is very likely one of the guests' QEMU processes. Each guest alone fits; only the plan as a whole does not, so this is a plan rule. Usually the guest that starts last, or the first to touch all its memory, is the one that fails.\n\nHow the numbers are taken:\n\n- **Demand**: each guest NUMA cell's memory (`<cell memory>`), or the whole `<memory>` without cells, whose binding (`<memnode>`, else `<memory>`) is `strict` or `restrictive` with a static nodeset. Hugepage-backed memory comes from the pools (`insufficient-hugepages` checks those). `preferred` and `interleave` can fall back to other nodes, so they are not counted.\n- **Several nodes in one strict nodeset**: the kernel fills the nearest allowed node and takes the rest from the others. The split is not known offline, so the memory is spread evenly as an estimate. An overflow that only the estimate produces is a warning. Binding each guest cell to one node with `<memnode>` makes the check exact.\n- **Supply**: the node's `MemFree` in the snapshot (`/sys/devices/system/node/nodeN/meminfo`).\n- **High watermark**: the node's share of `vm.min_free_kbytes`, computed as the kernel does (mm/page_alloc.c `__setup_per_zone_wmarks`, see `min-free-kbytes-exceeds-node-free`). Below it kswapd on the node never reaches its target and keeps reclaiming.\n\n### Which rule reports what\n\nThis rule and `min-free-kbytes-exceeds-node-free` look at the same numbers. One shared decision (`src/model/node-memory.ts`) gives each node to one of them:\n\n| after the plan, node *n* has | before the plan | reported by |\n| --- | --- | --- |\n| less than nothing: the guests do not fit | any | **numa-memory-insufficient**, error (no value of `vm.min_free_kbytes` makes room) |\n| less than its min watermark | any | `min-free-kbytes-exceeds-node-free`, error (its message names the guests and the largest safe value) |\n| between min and high watermark | above high | **numa-memory-insufficient**, warning: the planned guests took the margin |\n| between min and high watermark | already below high | `min-free-kbytes-exceeds-node-free`, warning: the host was short without them |\n\nNodes the host does not have are `pin-target-offline`'s; nodes without memory are `numatune-memoryless-node`'s.\n\n### Guests running when the snapshot was taken\n\n`MemFree` already excludes the memory of guests that were running at capture time. If such a guest is also in the plan, its memory is counted twice: once as missing from `MemFree`, once as planned demand. The finding is then too pessimistic. Take the snapshot of the host as it will be before the planned guests start (for a fleet repo, with those guests stopped or not yet placed), or read the finding as an upper bound. `MemFree` also leaves out page cache the kernel could reclaim, which is conservative in the same direction.\n\n## Incorrect\n\nHost node 0 has 42000 MiB free. Two guests bind 20 GiB and 24 GiB of ordinary memory strictly to it:\n\n```xml\n<!-- crm-app.xml -->\n<memory unit='GiB'>20</memory>\n<numatune>\n  <memory mode='strict' nodeset='0'/>\n</numatune>\n\n<!-- crm-db.xml -->\n<memory unit='GiB'>24</memory>\n<numatune>\n  <memory mode='strict' nodeset='0'/>\n</numatune>\n```\n\n## Correct\n\nMove one guest to node 1 (45000 MiB free), or back the larger one with hugepages reserved on node 0:\n\n```xml\n<!-- crm-db.xml -->\n<memory unit='GiB'>24</memory>\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='20'/>\n  <!-- vCPUs 1-3 on CPUs 21-23 (node 1) -->\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n<numatune>\n  <memory mode='strict' nodeset='1'/>\n</numatune>\n```\n\n## Fix\n\nThere is no automatic fix: which guest moves, shrinks or switches to hugepages is a capacity decision. The error gives the total and the node's free memory. The warning gives how much guest memory must leave the node to keep it above its high watermark.\n\n## Needs\n\n**plan**: every domain mapped to the host, with the snapshot's per-node `MemFree`, and `vm.min_free_kbytes` with `/proc/zoneinfo` (or MemTotal) for the warning. Without per-node free memory for a node that guests bind to, the rule reports one not-checked note. Without `vm.min_free_kbytes` only the error is checked.\n\n## Sources\n\n- Linux `Documentation/admin-guide/mm/numa_memory_policy.rst`: MPOL_BIND allocates only from the given nodes; MPOL_PREFERRED and MPOL_INTERLEAVE fall back.\n- Linux `mm/page_alloc.c`: `__setup_per_zone_wmarks` (per-zone min/low/high), and the allocator's fallback along the zonelist within the allowed nodes.\n- Linux `mm/oom_kill.c`: `CONSTRAINT_MEMORY_POLICY`, the OOM killer limited to tasks bound to the exhausted nodes.\n- Linux `Documentation/admin-guide/sysctl/vm.rst`: `min_free_kbytes`, `watermark_scale_factor`.\n- libvirt, Domain XML format, \xA7NUMA Node Tuning (`memory`, `memnode`, `mode`).\n- OpenStack Nova `nova/virt/hardware.py`: guest memory fitted to a host NUMA cell's free memory.\n",
    "numatune-invalid": "# numatune-invalid\n\nReports a `<numatune>` that libvirt rejects: a `<memnode>` whose `cellid` names no guest NUMA cell or repeats another memnode's, a `<memnode>` in a guest without cells, a `<memnode>` under automatic (numad) placement, a static `<memory>` binding without `nodeset`, a memnode missing `cellid` or `nodeset`, an unknown `placement`, and `restrictive` used on `<memory>` but not on the memnodes (or the reverse). A warning is added when `placement='auto'` comes with a `nodeset`, which libvirt drops.\n\n## Why this matters\n\n`<numatune>` decides which host nodes hold the guest's memory. When libvirt cannot read it, `virsh define` fails, usually in a deploy pipeline, far from the edit that broke it. The rules (numa_conf.c `virDomainNumatuneParseXML`, `virDomainNumatuneSet`, `virDomainNumatuneNodeParseXML`, `virDomainNumaDefValidate`):\n\n- **placement** of `<memory>`: as written, else `static` when a `nodeset` is given, else the `<vcpu placement>`. With `<vcpu placement='auto'>` and no `<memory>` element at all, libvirt adds an implicit automatic binding.\n- a **static** placement needs a `nodeset` (\"nodeset for NUMA memory tuning must be set if 'placement' is 'static'\"). `<memory mode='strict'/>` alone is static by default, so it is rejected;\n- with **auto** placement a `nodeset` is dropped without a word: numad chooses the nodes at start-up (warning);\n- `<memnode>` binds one **guest** cell (`cellid`, from 0) to host nodes. It needs guest cells (\"Element 'memnode' is invalid without any guest NUMA cells\"), a `cellid` below the cell count (\"\u2026must correspond to existing guest's NUMA cell\"), one memnode per cell (\"Multiple memnode elements with cellid N\"), and a `nodeset`;\n- per-cell binding and numad do not mix (\"Per-node binding is not compatible with automatic NUMA placement\");\n- `restrictive` mode must be used on both `<memory>` and every `<memnode>`, or on none of them. A missing `<memory>` counts as `strict`.\n\nValues that do not parse (a `mode` libvirt does not know, a bad `cellid` or `nodeset`) are reported by `value-invalid` and `cpuset-syntax`.\n\n## Incorrect\n\n```xml\n<numatune>\n  <memory mode='strict'/>\n  <memnode cellid='0' mode='strict' nodeset='0'/>\n  <memnode cellid='0' mode='strict' nodeset='1'/>\n  <memnode cellid='2' mode='strict' nodeset='1'/>\n</numatune>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-1' memory='4' unit='GiB'/>\n    <cell id='1' cpus='2-3' memory='4' unit='GiB'/>\n  </numa>\n</cpu>\n```\n\n```xml\n<vcpu placement='auto'>4</vcpu>\n<numatune>\n  <memnode cellid='0' mode='strict' nodeset='0'/>\n</numatune>\n```\n\n## Correct\n\n```xml\n<numatune>\n  <memory mode='strict' nodeset='0-1'/>\n  <memnode cellid='0' mode='strict' nodeset='0'/>\n  <memnode cellid='1' mode='strict' nodeset='1'/>\n</numatune>\n```\n\n```xml\n<vcpu placement='auto'>4</vcpu>\n<numatune>\n  <memory mode='strict' placement='auto'/>\n</numatune>\n```\n\n## Fix\n\nThere is no automatic fix: which host nodes a guest cell belongs on, and whether numad or a fixed nodeset should decide, are placement decisions. Bind each guest cell at most once, to cells that exist; give a static `<memory>` a `nodeset`; drop `<memnode>` elements, or switch to static placement, when numad is in charge.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt `src/conf/numa_conf.c`: `virDomainNumatuneParseXML`, `virDomainNumatuneSet`, `virDomainNumatuneNodeParseXML` and `virDomainNumaDefValidate`.\n- libvirt, Domain XML format, \xA7NUMA Node Tuning (`memory`, `memnode`, `mode`, `placement`).\n",
    "numatune-memoryless-node": "# numatune-memoryless-node\n\nReports a `<numatune>` `<memory>` or `<memnode>` nodeset that names host NUMA nodes without memory. It is an error when every node of the nodeset that the host has is memoryless, and a warning when only some are. Reported on the nodeset value, naming the nodes.\n\n## Why this matters\n\nA NUMA node can have CPUs and no memory: a socket without DIMMs, or a node whose memory was all taken offline. `kvmlint snapshot` records such a node with `memTotalKiB: 0`: it is missing from `/sys/devices/system/node/has_memory`, and its `meminfo` shows `MemTotal: 0 kB`. A `numactl --hardware` import gives `size: 0 MB`, and `virsh capabilities` gives `<memory unit='KiB'>0</memory>`. A node whose MemTotal the snapshot lacks is treated as unknown, not as memoryless.\n\nPinning vCPUs to a memoryless node's CPUs and binding the memory to \"the same node\" looks like good locality, but the kernel cannot honour it:\n\n- `mbind()`/`set_mempolicy()` intersect the requested nodes with the nodes that have memory (mm/mempolicy.c `mpol_set_nodemask`, `N_MEMORY`). An empty result fails with `EINVAL`, in every mode. QEMU binds each guest memory backend with `host-nodes`/`policy` (libvirt qemu_command.c `qemuBuildMemoryBackendProps`), so it fails (\"cannot bind memory to host NUMA nodes\") and the guest does not start;\n- on cgroup v1, `cpuset.mems` accepts only nodes with memory, so libvirt's cgroup setup fails too. On cgroup v2 an empty effective set falls back to the parent's nodes, and the binding is silently lost.\n\nSo a nodeset of only memoryless nodes is an error. A nodeset that also has nodes with memory works, because the kernel drops the memoryless ones, but the XML then claims a placement that does not exist (warning). Bind the memory to the node with memory nearest to the CPUs the guest runs on.\n\nNodes the host does not have at all are `pin-target-offline`'s. Under `placement='auto'` numad chooses the nodes and only picks nodes with memory, so the rule is silent.\n\n## Incorrect\n\nHost node 2 has CPUs 16-23 and no memory.\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='18'/>\n  <vcpupin vcpu='1' cpuset='19'/>\n  <emulatorpin cpuset='16-17'/>\n</cputune>\n<numatune>\n  <memory mode='strict' nodeset='2'/>\n</numatune>\n```\n\n## Correct\n\nBind the memory to a node that has memory (here node 0 or 1, at the same distance from node 2):\n\n```xml\n<numatune>\n  <memory mode='strict' nodeset='1'/>\n</numatune>\n```\n\n## Fix\n\nNo automatic fix: which node with memory should back the guest, and whether the vCPUs should move to that node's CPUs as well, is a placement decision. The message lists the host's nodes with memory.\n\n## Needs\n\n**host snapshot**: each node's MemTotal (`/sys/devices/system/node/nodeN/meminfo`, or a `has_memory` mask that leaves the node out). Without a host the rule is silent.\n\n## Sources\n\n- Linux `mm/mempolicy.c`: `mpol_set_nodemask` (nodes \u2229 `N_MEMORY`), `mpol_new_nodemask` / `mpol_new_preferred` (`EINVAL` on an empty set).\n- Linux `Documentation/admin-guide/mm/numa_memory_policy.rst`, and `Documentation/ABI/stable/sysfs-devices-node` (`has_memory`, `has_cpu`).\n- Linux `kernel/cgroup/cpuset.c`: `cpuset.mems` must be a subset of the top cpuset's memory nodes on cgroup v1.\n- libvirt `src/qemu/qemu_command.c`: `qemuBuildMemoryBackendProps` (`host-nodes` and `policy` of each memory backend).\n- libvirt, Domain XML format, \xA7NUMA Node Tuning; `virsh capabilities` format (formatcaps): a cell's `<memory>`.\n",
    "pin-crosses-nodeset": "# pin-crosses-nodeset\n\nReports vCPUs pinned to CPUs of one host NUMA node while `<numatune>` binds their memory to another node. It also warns when a pinned domain has no `<numatune>` at all, which leaves the memory wherever the kernel puts it, except on a host with a single node that can hold memory (the usual desktop or homelab machine, in any host format: snapshot JSON, `numactl --hardware`, `virsh capabilities`): there the memory has no other node to land on, so nothing is reported. Nor is it when the pins reach every node that can hold memory (`<vcpu cpuset='0-31'>` over both nodes of a two-node host): the memory then lands as it would for an unpinned guest. An info note replaces the warning for `mode='interleave'` and for automatic (numad) placement.\n\n## Why this matters\n\nWhere a guest's memory lives is set by `<numatune>` (formatdomain \xA7NUMA Node Tuning):\n\n- `<memnode cellid='c' nodeset='N'>` binds guest NUMA cell *c*. Cells without a memnode follow `<memory>`;\n- `<memory mode='\u2026' nodeset='N'>` binds the whole guest. `mode` defaults to `strict`;\n- `placement` defaults to the `<vcpu placement>`, or to `static` when a nodeset is given. With `placement='auto'`, including `<vcpu placement='auto'>` with no `<numatune>` (libvirt's `virDomainNumatuneParseXML` then adds an implicit strict, auto binding), numad picks the nodes at start-up.\n\nFor each vCPU the rule takes its guest cell (from `<cpu><numa><cell cpus>`; vCPUs in no cell count as cell 0, as libvirt adds them there) and the node set N that binds that cell. It then compares N with the host nodes of the vCPU's effective affinity (`vcpupin`, else `<vcpu cpuset>`). If any of those nodes is outside N, every memory access made from there crosses the socket interconnect (UPI, Infinity Fabric). Remote accesses cost roughly 1.5\u20132\xD7 the latency (SLIT distance 21 against 10) and share the link's bandwidth. With `strict` the memory cannot follow the vCPU, so the penalty lasts for the guest's whole life.\n\n- `strict`, `restrictive`, `preferred`: warning.\n- `interleave`: info. Spreading memory is a deliberate choice, but vCPUs outside the interleave set still find all of it remote.\n- `placement='auto'`: info, \"not checkable\". The nodes are only known when the guest starts.\n- A pinned domain without `<numatune>` (and not under automatic placement): warning on `<cputune>`, unless its pins reach every node that can hold memory. Each page then lands on the node of the thread that first touches it (the emulator's node when memory is preallocated), and spills to other nodes as the host fills up.\n\n## Incorrect\n\nCell 1's vCPUs run on host node 0 (CPUs 0-15) while its memory is bound to node 1:\n\n```xml\n<vcpu placement='static'>8</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <!-- vCPUs 1-3 on CPUs 5-7 -->\n  <vcpupin vcpu='4' cpuset='12'/>\n  <!-- vCPUs 5-7 on CPUs 13-15 -->\n  <emulatorpin cpuset='0-3'/>\n</cputune>\n<numatune>\n  <memnode cellid='0' mode='strict' nodeset='0'/>\n  <memnode cellid='1' mode='strict' nodeset='1'/>\n</numatune>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-3' memory='8' unit='GiB'/>\n    <cell id='1' cpus='4-7' memory='8' unit='GiB'/>\n  </numa>\n</cpu>\n```\n\n## Correct\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <!-- vCPUs 1-3 on CPUs 5-7 (node 0) -->\n  <vcpupin vcpu='4' cpuset='20'/>\n  <!-- vCPUs 5-7 on CPUs 21-23 (node 1) -->\n  <emulatorpin cpuset='0-3'/>\n</cputune>\n<numatune>\n  <memnode cellid='0' mode='strict' nodeset='0'/>\n  <memnode cellid='1' mode='strict' nodeset='1'/>\n</numatune>\n```\n\n## Fix\n\nNo automatic fix: whether the vCPUs or the memory should move is a person's choice. kvmlint\noffers **suggestions** (shown in text output, in JSON `suggestions`, and in SARIF `result.fixes`;\nnever applied by `--fix`):\n\n- when every vCPU governed by one binding runs on a single host node *n*: set that\n  `<memory>`/`<memnode>` `nodeset` to *n*;\n- when a pinned domain has no `<numatune>` and all its pins lie on one host node *n*: add\n  `<numatune><memory mode='strict' nodeset='n'/></numatune>` after `<cputune>`, indented like\n  its siblings.\n\nThe other way out is to move the vCPUs to CPUs of the bound node: the message names them,\npreferring isolated ones. With pins on several nodes, give each guest NUMA cell a `<memnode>`\nbound to the node its vCPUs run on.\n\n## Needs\n\n**host snapshot**: which node each CPU belongs to. Without a host the rule is silent. It only applies to pinned domains.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7NUMA Node Tuning (`memory`, `memnode`, `mode`, `placement`), \xA7CPU Tuning (`vcpupin`), \xA7CPU model and topology (guest `<numa><cell>`).\n- libvirt `src/conf/numa_conf.c` (`virDomainNumatuneParseXML`, `virDomainNumatuneSet`, `virDomainNumatuneGetNodeset`): defaults and precedence.\n- libvirt `src/qemu/qemu_process.c`: vCPU affinity and memory binding at start-up.\n- OpenStack Nova `nova/virt/hardware.py`: guest cells fitted to host cells with CPUs and memory together.\n- The KVM tuning guide for Rocky Linux: `numatune` `strict` on the node of the pinned cores.\n",
    "pin-target-offline": "# pin-target-offline\n\nReports CPU pins and `<numatune>` nodesets that name CPUs or NUMA nodes the host cannot use. A `vcpupin`, `emulatorpin`, `iothreadpin` or `<vcpu cpuset>` naming a CPU the host does not have is an error. One naming an offline CPU is a warning, or an error when none of its CPUs is online. A `<numatune>` `<memory>` or `<memnode>` nodeset naming a node the host does not have is an error. Each finding is reported on the attribute value at fault and names the CPUs or nodes.\n\n## Why this matters\n\nlibvirt applies every pin when it starts the guest (qemu_process.c `qemuProcessSetupPid`): it writes the set to the thread's `cpuset.cpus` cgroup file, then calls `sched_setaffinity()`. A thread without a pin of its own takes `<vcpu cpuset>` (`qemuDomainEvaluateCPUMask`), so that set is checked whenever some vCPU, the emulator or an IOThread inherits it, and the message says which.\n\n- **CPU the host does not have** (not in `/sys/devices/system/cpu/present`, or not possible): the kernel refuses a `cpuset.cpus` that is not a subset of the possible CPUs (cgroup v2) or of the online ones (cgroup v1) with `EINVAL` (kernel/cgroup/cpuset.c `update_cpumask`). The guest does not start. This happens when XML is copied from a bigger host.\n- **Nothing online left**: `sched_setaffinity()` with no active CPU in the mask fails with `EINVAL`, and libvirt's `virProcessSetAffinity()` fails the start (\"cannot set CPU affinity on process\"). Error.\n- **Some CPUs offline, others online** (warning): on cgroup v2 the thread runs on the online part until the others come back, so a vCPU pinned to a floating set silently loses CPUs. On cgroup v1 the `cpuset.cpus` write fails and the guest does not start. The snapshot does not record the cgroup version, so this stays a warning.\n- **NUMA node the host does not have**: libvirt checks the nodeset against the host's nodes (virnuma.c `virNumaNodesetIsAvailable`: \"NUMA node N is unavailable\") when it builds the guest memory backends or sets the memory policy. The guest does not start.\n\nWhen the snapshot records neither possible nor present CPUs (a `virsh capabilities` or `numactl --hardware` import), a CPU that is not online cannot be told apart from one that does not exist. The message says so, and the finding is a warning unless nothing online is left.\n\nPins libvirt rejects for other reasons (a `vcpupin` for a vCPU \u2265 `<vcpu>`, a second pin of one vCPU, an `iothreadpin` for a missing IOThread) are left to `vcpu-id-range`. Nodesets under `placement='auto'` are left to `numatune-invalid`. Nodes that exist but have no memory are `numatune-memoryless-node`'s.\n\n## Incorrect\n\nHost: CPUs 0-31 present, 28-29 offline, NUMA nodes 0 and 1.\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='24'/>\n  <vcpupin vcpu='1' cpuset='28'/>   <!-- offline: nothing online left -->\n  <emulatorpin cpuset='0-1,40-41'/> <!-- CPUs 40-41 do not exist here -->\n</cputune>\n<numatune>\n  <memory mode='strict' nodeset='0,2'/> <!-- there is no node 2 -->\n</numatune>\n```\n\n## Correct\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='24'/>\n  <vcpupin vcpu='1' cpuset='25'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n<numatune>\n  <memory mode='strict' nodeset='0'/>\n</numatune>\n```\n\n## Fix\n\nNo automatic fix: which online CPU or existing node to use instead is a placement decision. Either pin to CPUs and nodes the host has (the message lists the online CPUs and the host's nodes), or bring the offline CPUs back (`echo 1 > /sys/devices/system/cpu/cpuN/online`) before the guest starts.\n\n## Needs\n\n**host snapshot**: the possible, present and online CPU lists (`/sys/devices/system/cpu/{possible,present,online}`) and the host's NUMA nodes. Without a host the rule is silent.\n\n## Sources\n\n- libvirt `src/qemu/qemu_process.c`: `qemuProcessSetupPid` (cgroup `cpuset.cpus`, then `virProcessSetAffinity`), `qemuProcessInitCpuAffinity`.\n- libvirt `src/util/virprocess.c`: `virProcessSetAffinity` fails the start when `sched_setaffinity()` fails.\n- libvirt `src/util/virnuma.c`: `virNumaNodesetIsAvailable`; `src/qemu/qemu_command.c` `qemuBuildMemoryBackendProps` calls it for every memory backend.\n- Linux `kernel/cgroup/cpuset.c`: `update_cpumask` (a subset of `top_cpuset.cpus_allowed`, which is `cpu_possible_mask` on cgroup v2 and the active CPUs on v1) and `cpuset_bind`.\n- Linux `kernel/sched/core.c`: `__set_cpus_allowed_ptr` returns `EINVAL` when no CPU of the mask is active.\n- Linux `Documentation/ABI/testing/sysfs-devices-system-cpu`: `possible`, `present`, `online`, `offline`.\n- libvirt, Domain XML format, \xA7CPU Tuning, \xA7NUMA Node Tuning.\n",
    "pinned-guest-cpu-model": "# pinned-guest-cpu-model\n\nReports a pinned KVM domain (one with a `<vcpupin>` or a `<vcpu cpuset>`) whose guest CPU is not `host-passthrough` or `host-model`: a named model (`mode='custom'` with `<model>`), a `<cpu>` with no mode and no model, or no `<cpu>` element at all. It is an info note on the `<cpu mode>` value (or the `<cpu>` start tag, or `<vcpu>` when there is no `<cpu>`).\n\n## Why this matters\n\nPinning is done for performance and predictability. A named CPU model hides every host CPU feature it does not list (newer vector extensions, invariant TSC, cache topology), and a domain without a `<cpu>` model gets the hypervisor's default (`qemu64` on x86), which hides most of them. The pinned guest then runs slower code paths on the very CPUs reserved for it. libvirt's kvm-realtime page uses `host-passthrough` with a topology matching the pins; `host-model` keeps most of the benefit where the guest must still migrate between hosts with different CPUs.\n\n`mode='maximum'` is accepted too: with hardware virtualization it is functionally identical to `host-passthrough` (formatdomain \xA7CPU model and topology).\n\nNot reported:\n\n- unpinned domains: a named model is a sound choice for migration across a mixed fleet;\n- `type='qemu'` (TCG) and other drivers: `host-passthrough` needs KVM.\n\n## Incorrect\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n<cpu mode='custom' match='exact' check='full'>\n  <model fallback='forbid'>Skylake-Server-IBRS</model>\n</cpu>\n```\n\n## Correct\n\n```xml\n<cpu mode='host-passthrough' check='none' migratable='off'>\n  <topology sockets='1' dies='1' cores='2' threads='1'/>\n</cpu>\n```\n\n## Fix\n\nThere is no automatic fix: the CPU model decides which hosts the guest can migrate to, so the choice is a person's. Use `host-passthrough` (or `host-model`), with a `<topology>` that matches the pins.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU model and topology (`mode`: `custom`, `host-model`, `host-passthrough`, `maximum`; the default when `mode` is omitted).\n- libvirt kbase, KVM real time guest configuration (kvm-realtime): `host-passthrough` with a matching topology.\n- The KVM tuning guide for Rocky Linux: its complete example (examples/production-vm.xml) uses `host-passthrough` with a topology matching the pins.\n",
    "realtime-guest-hygiene": "# realtime-guest-hygiene\n\nReports a realtime guest (one with a `fifo` or `rr` `<vcpusched>` on any vCPU) that misses part of the configuration libvirt's kvm-realtime page asks for: hugepage-backed memory, `<locked/>`, `<nosharepages/>`, no memory balloon (`<memballoon model='none'/>`), and `<pmu state='off'/>`. Each missing item is one info finding: the memory items on `<memoryBacking>` (or `<memory>` when there is none), the balloon on its `model` (or on `<devices>` when libvirt adds it implicitly), the PMU on its `state` (or on `<features>`).\n\n## Why this matters\n\nPinning realtime vCPUs to isolated CPUs removes scheduling noise; the kvm-realtime page then removes the memory and device noise that would otherwise still reach the guest:\n\n- **hugepages**: guest RAM in small pages means many more TLB misses, each a two-level (guest and EPT/NPT) page walk, and those pages can be migrated by compaction or collapsed by khugepaged under the running guest. kvm-realtime allocates guest RAM from hugepages on the guest's node.\n- **`<locked/>`**: without it the host may swap out QEMU's own memory and any guest RAM not backed by hugepages, and a fault on a swapped page stalls the vCPU for as long as the disk takes. Pair it with `<memtune><hard_limit>` (see `locked-memory-risk`).\n- **`<nosharepages/>`**: with KSM running, ksmd scans guest memory and merges identical pages; the next write to a merged page takes a copy-on-write fault.\n- **no balloon**: a balloon lets the host take memory from the guest at run time, and the guest faults it back in later. For QEMU, a domain without `<memballoon>` does not lack a balloon: libvirt adds a virtio one for x86 (except `isapc` and `microvm`), ppc64, s390x and some others (`qemuDomainDefAddDefaultDevices` in `qemu_postparse.c`), so the rule reports the missing element there. For aarch64 `virt`, riscv64 and loongarch64 nothing is added, and when `<os><type arch>` is absent the rule cannot tell, so it stays silent.\n- **`<pmu state='off'/>`**: with a virtual PMU, the guest's perf counters and its NMI watchdog run on counters KVM emulates with host perf events, adding VM exits and jitter; kvm-realtime turns it off.\n\nOnly realtime guests are checked: for other guests these are trade-offs (ballooning and KSM save memory), not mistakes. `<devices>` and `<features>` are only read for realtime guests.\n\n## Incorrect\n\n```xml\n<memory unit='GiB'>8</memory>\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <emulatorpin cpuset='0-1'/>\n  <vcpusched vcpus='0-3' scheduler='fifo' priority='1'/>\n</cputune>\n<features>\n  <acpi/>\n  <apic/>\n</features>\n<devices>\n  <memballoon model='virtio'/>\n</devices>\n```\n\n## Correct\n\n```xml\n<memory unit='GiB'>8</memory>\n<memtune>\n  <hard_limit unit='GiB'>10</hard_limit>\n</memtune>\n<memoryBacking>\n  <hugepages>\n    <page size='1' unit='G'/>\n  </hugepages>\n  <nosharepages/>\n  <locked/>\n</memoryBacking>\n<features>\n  <acpi/>\n  <apic/>\n  <pmu state='off'/>\n</features>\n<devices>\n  <memballoon model='none'/>\n</devices>\n```\n\n## Fix\n\n`kvmlint --fix` adds the two items that have exactly one right form and cost no capacity:\n\n- `<nosharepages/>`, inside `<memoryBacking>` after `<hugepages>`, creating `<memoryBacking>` (before `<vcpu>`, where libvirt's formatter writes it) when there is none;\n- `<pmu state='off'/>`, inside `<features>` in libvirt's feature order (after `acpi`, `apic`, `hyperv`, `kvm`, \u2026; before `vmport`, `smm`, `ioapic`, \u2026).\n\nInserted lines copy the indentation, quotes and line endings of their neighbours. A `<pmu state='on'/>` written explicitly only gets a suggestion to set it to `off`: someone asked for the guest PMU, perhaps to profile in the guest. Hugepages (a page size and a host pool), `<locked/>` (which needs a `hard_limit`) and removing the balloon are left to a person; when `<features>` is missing altogether no fix is offered.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt kbase, KVM real time guest configuration (kvm-realtime): hugepages, `<locked/>`, `<nosharepages/>`, `<pmu state='off'/>`, `<memballoon model='none'/>`.\n- libvirt, Domain XML format, \xA7Memory Backing, \xA7Hypervisor features (`pmu`), \xA7Memory balloon device.\n- libvirt `src/qemu/qemu_postparse.c` (`qemuDomainDefAddDefaultDevices`: the implicit virtio balloon per architecture and machine type; `qemu_domain.c` in older releases).\n- libvirt `src/conf/domain_conf.c` (`virDomainDefFormatInternal`: order of `<memoryBacking>` children and of domain elements; the `<features>` loop over `virDomainFeature`).\n- Linux `Documentation/admin-guide/mm/ksm.rst` (merging and copy-on-write), `Documentation/admin-guide/mm/hugetlbpage.rst`.\n",
    "realtime-sched-unsafe": "# realtime-sched-unsafe\n\nReports a thread with realtime scheduling (`scheduler='fifo'` or `'rr'` in `<vcpusched>`, `<iothreadsched>` or `<emulatorsched>`) whose placement is unsafe: its affinity has more than one CPU (or it has no pin at all), it shares its one CPU with another thread of the same guest, or, for the emulator and IOThreads with a host snapshot, it may run on housekeeping CPUs, outside the isolated set. One error per thread group names every reason; it points at the thread's own pin `cpuset`, or at the `scheduler` attribute when the thread has no pin of its own.\n\n## Why this matters\n\nA SCHED_FIFO or SCHED_RR thread is never preempted by ordinary (SCHED_OTHER) threads: it runs until it blocks, yields, or a higher realtime priority wants the CPU (sched(7)). A busy realtime vCPU therefore owns its CPU outright. That is the point of kvm-realtime's layout, and it is only safe when nothing else ever needs that CPU:\n\n- **one CPU, not a range**: a realtime thread with several allowed CPUs is placed by the scheduler, can land where another realtime thread or a kernel thread already runs, and starves it; on `isolcpus` CPUs it is not even balanced away again;\n- **not shared with another thread of the guest**: two realtime vCPUs on one CPU at equal priority run one at a time until one blocks (FIFO) or its slice ends (RR), so the guest's vCPUs stall each other; an ordinary thread of the guest on that CPU never gets to run;\n- **on isolated CPUs only**: housekeeping CPUs run IRQ work, RCU callbacks, kworkers and ksoftirqd; a realtime thread there starves them, with RCU stall warnings, hung tasks and stuck I/O as the result.\n\nlibvirt's kvm-realtime page pins each vCPU to a dedicated isolated CPU with `fifo`, and leaves the emulator on housekeeping CPUs with normal scheduling.\n\n## Which rule reports what\n\nSeveral placement rules see the same threads. So that one mistake gets one finding, realtime cases are split like this (housekeeping-overlap's README says the same):\n\n| case | reported by |\n| --- | --- |\n| realtime vCPU whose `vcpupin` or `<vcpu cpuset>` includes housekeeping CPUs | `housekeeping-overlap` (error) |\n| emulator (its `emulatorpin`, or the `<vcpu cpuset>` it follows) on a CPU dedicated to a vCPU, when either is realtime | `emulatorpin-overlaps-vcpus` (error) |\n| emulator with no pin at all in a pinned domain | `missing-emulatorpin` |\n| IOThread on, or without a pin over, a CPU dedicated to a vCPU | `iothread-placement` (error when either is realtime) |\n| realtime vCPU with a floating pin, a floating `<vcpu cpuset>`, or no pin | this rule (`vcpu-floating-pin` and `vcpu-partially-pinned` leave realtime vCPUs alone) |\n| two vCPUs on one dedicated CPU, one of them realtime | this rule (`vcpu-pin-collision` leaves it) |\n| realtime emulator or IOThread: floating, sharing its CPU, or on housekeeping CPUs | this rule |\n\nA realtime vCPU with a floating pin that also reaches housekeeping CPUs gets two findings, one from each rule, because they are two separate changes: narrow the pin to one CPU, and move it off the housekeeping set. CPUs that are neither isolated nor housekeeping are offline or absent, which is `pin-target-offline`'s. Two realtime threads pinned to one CPU are one finding, at the first pin, with the other pin related.\n\n## Incorrect\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5-6'/>\n  <emulatorpin cpuset='0-1'/>\n  <vcpusched vcpus='0-1' scheduler='fifo' priority='1'/>\n</cputune>\n```\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='6'/>\n  <vcpupin vcpu='1' cpuset='6'/>\n  <emulatorpin cpuset='0-1'/>\n  <vcpusched vcpus='0-1' scheduler='rr' priority='10'/>\n</cputune>\n```\n\nOn a host with `isolcpus=4-31` (housekeeping CPUs 0-3), a realtime emulator on housekeeping CPUs:\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <emulatorpin cpuset='0-1'/>\n  <emulatorsched scheduler='fifo' priority='2'/>\n  <vcpusched vcpus='0' scheduler='fifo' priority='1'/>\n</cputune>\n```\n\n## Correct\n\nThe kvm-realtime layout:\n\n```xml\n<cputune>\n  <emulatorpin cpuset='0-1'/>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <vcpusched vcpus='0-3' scheduler='fifo' priority='1'/>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix: giving a realtime thread a CPU of its own takes a free isolated CPU, which is a capacity decision. Pin each realtime vCPU to one isolated CPU that nothing else of the guest uses. For the emulator and IOThreads, either give each one an isolated CPU of its own, or drop the realtime policy and keep them on housekeeping CPUs, as kvm-realtime does.\n\n## Needs\n\n**domain**. The housekeeping check for the emulator and IOThreads needs a host snapshot with known isolation (`isolcpus`, `nohz_full`, tuned `isolated_cores`, or the config's `housekeeping`).\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU Tuning (`vcpusched`, `iothreadsched`, `emulatorsched`: \"fifo\" and \"rr\" with a priority, and the pins they combine with).\n- libvirt `src/qemu/qemu_process.c` (`qemuProcessSetupPid`: affinity and scheduler set per thread).\n- libvirt kbase, KVM real time guest configuration (kvm-realtime).\n- sched(7): SCHED_FIFO and SCHED_RR semantics.\n- Linux `Documentation/admin-guide/kernel-parameters` (`isolcpus`, `nohz_full`, `rcu_nocbs`) and `kernel/sched/isolation.c`.\n",
    "running-affinity-drift": "# running-affinity-drift\n\nReports a thread of a running guest whose allowed CPUs (`Cpus_allowed_list` in `/proc/PID/task/TID/status`, captured by `kvmlint snapshot`) differ from the effective affinity this domain file gives it: a vCPU against its `<vcpupin>`, the emulator threads against `<emulatorpin>`, an IOThread against its `<iothreadpin>` (each falling back to `<vcpu cpuset>`, then all online CPUs, as libvirt does). The finding sits on the `cpuset` the running thread disagrees with. It needs a snapshot with `running` data, and the guest is matched to the file by uuid, then by name.\n\n## Why this matters\n\nThe tuning guide checks pinning on the live host with `virsh vcpuinfo` and `virsh emulatorpin`, because what runs can differ from what is written: `virsh vcpupin --live` (or `emulatorpin`, `iothreadpin` without `--config`) changes the running guest only, and the next restart silently reverts it; a file changed in git after the guest started is not applied until it restarts. Either way the host does not run what the repository says, and every other rule checked the repository.\n\nWhich side is right: the file in the repository is the reviewed one. Re-apply it (restart the guest, or `virsh vcpupin DOMAIN VCPU CPUS --live` with the file's value), or, if the live change was intended, put it in the file and let the pipeline deploy it. Threads that inherit all online CPUs are accepted with or without the isolated CPUs, since libvirt \u2265 8.x leaves those out (`qemuProcessGetAllCpuAffinity`).\n\n## Incorrect\n\nThe snapshot shows vCPU 3 allowed on CPU 8 (`virsh vcpupin rt-live 3 8 --live`):\n\n```xml\n<cputune>\n  <vcpupin vcpu='3' cpuset='7'/>\n</cputune>\n```\n\n## Correct\n\nThe file and the running guest agree (after a restart, or after the file took CPU 8):\n\n```xml\n<cputune>\n  <vcpupin vcpu='3' cpuset='8'/>\n</cputune>\n```\n\n## Fix\n\nNone: either the host or the file must change, and which one is a person's call. Capture again (`kvmlint snapshot -o hosts/HOST.json`) after changing the host.\n\n## Sources\n\nformatdomain \xA7CPU Tuning; `virsh vcpupin`, `emulatorpin`, `iothreadpin` (`--live`, `--config`); libvirt `qemu_process.c` (qemuProcessSetupVcpu, qemuProcessSetupEmulator, qemuProcessGetAllCpuAffinity); proc(5) `Cpus_allowed_list`.\n",
    "running-guest-unmatched": "# running-guest-unmatched\n\nInfo, from a snapshot with running guests: a domain file mapped to the host that is not running there (reported on its `<name>`), and running guests that no domain file mapped to the host describes (reported once on the snapshot's `running.guests`). Matched by uuid, then by name.\n\n## Why this matters\n\nA fleet repository maps domains to hosts; the host runs what was started on it. A guest that migrated away, one started by hand, or one that moved hosts without the mapping changing makes every capacity rule (hugepages, memory per node, dedicated CPUs) check the wrong plan. This says so, without judging which side is right.\n\n## Incorrect\n\nThe snapshot shows `um-6` running, while the file mapped to the host describes `um-5`:\n\n```xml\n<domain type='kvm'>\n  <name>um-5</name>\n</domain>\n```\n\n## Correct\n\nThe file mapped to the host describes the guest that runs there:\n\n```xml\n<domain type='kvm'>\n  <name>um-6</name>\n</domain>\n```\n\n## Fix\n\nNone: update the `hosts` mapping in `kvmlint.config.json`, or start the guest where it is planned, then capture again.\n\n## Sources\n\nformatdomain (name, uuid); QEMU `-name guest=`, `-uuid`.\n",
    "running-memory-drift": "# running-memory-drift\n\nCompares a running guest's memory and scheduling with this file: more than 5% (option `maxOffNodesetPercent`) of its resident memory on host nodes outside its `<numatune>` nodesets; `<hugepages>` configured but less than 50% (option `minHugepagePercent`) of its resident memory in hugepages; or vCPU threads that do not run the realtime policy and priority `<vcpusched>` gives them. Memory per node and page size comes from `/proc/PID/numa_maps` (`N<node>=<pages>` \xD7 `kernelpagesize_kB`), policy and priority from `/proc/PID/task/TID/stat`.\n\n## Why this matters\n\nThe guide verifies memory placement with `numastat -c qemu-kvm` and `virsh numatune`: memory allocated before the cgroup's `cpuset.mems` applied, a guest migrated from another host, or a nodeset changed live leaves pages on the wrong node, and every access crosses the interconnect. A hugepage-backed guest that fell back to small pages (pool exhausted at start with a lenient setup, or the backing changed) loses the TLB benefit the configuration promised. A realtime guest whose vCPUs run `SCHED_OTHER` is not realtime at all, whatever the file says.\n\n## Incorrect\n\n6% of the guest's memory is on node 1:\n\n```xml\n<numatune>\n  <memory mode='strict' nodeset='0'/>\n</numatune>\n```\n\n## Correct\n\nAll of it on node 0, as the nodeset says (up to 5% elsewhere is tolerated: QEMU's own allocations before the binding applied).\n\n```xml\n<numatune>\n  <memory mode='strict' nodeset='0'/>\n</numatune>\n```\n\n## Fix\n\nNone. Restart the guest (strict binding applies from the first allocation), or `virsh numatune DOMAIN --nodeset N --live` and let the kernel migrate pages; check the hugepage pools per node before restarting a hugepage guest.\n\n## Sources\n\nformatdomain \xA7NUMA Node Tuning, \xA7Memory Backing, \xA7CPU Tuning (`vcpusched`); proc(5) `numa_maps`, `stat` fields 40-41; numastat(8).\n",
    "schema-invalid": "# schema-invalid\n\nReports a domain that libvirt's own RelaxNG schema (`domain.rng` and the files it includes) rejects, at the element where libxml2's validator gave up. It runs only when the run validates against the schemas: `--schema [dir]` on the command line, `\"schema\"` in `kvmlint.config.json`, or the Action's `schema` input. One finding per file at most, because libxml2 reports only the first failure.\n\n## Why this matters\n\nWithout validation, `virsh define` silently ignores elements and attributes it does not know: a misspelt element (`<interfaces>` for `<interface>`) or an element in the wrong place (`<numa>` directly under `<domain>` instead of inside `<cpu>`) is dropped, and the guest runs without the NIC or the NUMA layout that the file in git describes. A wrong value of an attribute libvirt does read (`mode='host-passthru'`) usually makes `virsh define` fail, but only on the host, at deploy time. `virsh define --validate` and `virt-xml-validate` catch both by validating against the schemas that ship with libvirt (`src/util/virxml.c`, `virXMLValidateAgainstSchema`); this rule runs the same check before deploy.\n\nkvmlint validates with libxml2, the engine libvirt uses, compiled to WebAssembly (`libxml2-wasm`). The schemas are libvirt's own files, not a copy inside kvmlint, so the verdict is the one of the libvirt version they come from: point `--schema` at the schemas of the libvirt version you deploy to. A newer element is rejected by an older schema.\n\n**Where the finding is placed.** libxml2 reports only the first failure. libvirt's `<domain>` and `<devices>` are `<interleave>` patterns, and inside an interleave libxml2 only says which child it could not match (\"Extra element devices in interleave\"), not what inside it is wrong. So:\n\n- when the domain uses an element that no `.rng` file of the directory defines (outside `<metadata>` and other namespaces), that element is the fault wherever libxml2 stopped: the finding is on it and says the schemas are older than it or the name is misspelt, naming the directory and, when a Debian package installed it, that package's libvirt version (read from dpkg's records), e.g. `<throttlefilters> is defined nowhere in the schemas at /usr/share/libvirt/schemas (libvirt 9.0.0)`;\n- when libxml2 names the node at fault itself (an unknown attribute, a value its type does not allow), the finding points at that attribute or element, e.g. `dumpCore='no'` on `<memory>`. A blamed element value is checked once more with its siblings blanked out: inside a choice of alternatives (libvirt's `<os>` variants) libxml2 names the first child it could not fit, so relative `<loader>` and `<nvram>` paths are blamed on `<type>hvm</type>`. When the domain then validates, or first fails further on, the finding moves to the parent (`<os>` or something inside it), narrowed as below;\n- otherwise libxml2 names only the element where it gave up, often `<devices>` or `<cputune>`. kvmlint then looks below it for the smallest element without which the whole domain validates: it blanks children out (offsets and lines unchanged) and validates again, half of the children at a time and then, for a short list, one by one, and descends into the child whose removal makes the domain valid. A bad `cache` value on a disk's `<driver>` is reported on that `<driver>`; the message says the domain validates without it, and where libxml2 itself stopped. This costs a few validations (about 12 for a `<devices>` of 60 children), only for a file that fails, and never more than 64;\n- when no single removal makes the domain valid (two faults, or a required element that is itself wrong), the finding stays on the element where libxml2 gave up, and the message says that the fault is that element or something inside it (an attribute, its text or a child element);\n- a file that libxml2 itself does not accept, although it is well-formed for kvmlint's parser (an undeclared namespace prefix such as `qemu:` without `xmlns:qemu`), is reported where libxml2 reports it. libvirt's parser stops only on fatal errors, so libvirt reads such a file, but it does not see the element in its namespace.\n\nThe precise checks that matter for tuning (an unknown unit, a numatune mode, a cpuset's syntax) have rules of their own with exact positions: `value-invalid`, `cpuset-syntax`. This rule covers everything else in libvirt's grammar.\n\n**What is read.** Only `.rng` files inside the schema directory, only while `domain.rng` is compiled (once per run) and, after a failure, once more to list the element names they define (regular files only, each bounded); dpkg's `info/*.list` of the packages that ship libvirt's schemas and its `status`, to name the version; through an input provider that refuses any other path, a `..` or symlink leading out, and every URL scheme but `file:`. An `<include>` pointing outside the directory makes the schema unusable (exit 2). Validating a domain reads no file, and entities and DTDs are never loaded (`XML_PARSE_NONET`, `XML_PARSE_NO_XXE`).\n\n## Incorrect\n\n```xml\n<cpu mode='host-passthru' check='none' migratable='off'>\n```\n\n```xml\n<on_poweroff>shutdown</on_poweroff>\n```\n\n```xml\n<devices>\n  \u2026\n  <interfaces type='bridge'>\n    <source bridge='br1'/>\n  </interfaces>\n</devices>\n```\n\n```xml\n<numa>\n  <cell id='0' cpus='0-7' memory='16' unit='GiB'/>\n</numa>\n<os>\n```\n\n```xml\n<memory unit='GiB' dumpCore='no'>16</memory>\n```\n\n```xml\n<domain type='kvm'>\n  \u2026\n  <qemu:commandline>\n    <qemu:arg value='-overcommit'/>\n  </qemu:commandline>\n</domain>\n```\n\n## Correct\n\n```xml\n<cpu mode='host-passthrough' check='none' migratable='off'>\n  <numa>\n    <cell id='0' cpus='0-7' memory='16' unit='GiB'/>\n  </numa>\n</cpu>\n<on_poweroff>destroy</on_poweroff>\n```\n\n```xml\n<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n  <memory unit='GiB' dumpCore='off'>16</memory>\n  \u2026\n  <qemu:commandline>\n    <qemu:arg value='-overcommit'/>\n  </qemu:commandline>\n</domain>\n```\n\n## Fix\n\nThere is no automatic fix: libxml2 does not say what the right element or value is. Compare the reported element, its attributes, its text and its children with libvirt's Domain XML format for your libvirt version. When the finding is on `<devices>` or `<domain>`, the mistake can be in any child; `virsh define --validate` on a copy, or removing children one at a time, narrows it down. If the element is correct but newer than the schemas you validate against, use the schemas of the libvirt you deploy to.\n\n## Needs\n\n**domain**, and libvirt's schemas: `--schema DIR` (a directory holding `domain.rng`), or `--schema` alone to search `$KVMLINT_LIBVIRT_SCHEMAS`, `/usr/share/libvirt/schemas` and `/usr/local/share/libvirt/schemas`. The schemas ship in Debian's and Ubuntu's `libvirt0` package and in Fedora's `libvirt-libs`; on a machine without libvirt, `apt-get download libvirt0 && dpkg -x libvirt0_*.deb dir` unpacks them without installing anything. Without `--schema` (or `\"schema\"` in the config) the rule is silent. A missing or unusable schema directory is exit 2.\n\n## Sources\n\n- libvirt `src/util/virxml.c`: `virXMLParseHelper` (parse options `XML_PARSE_NONET | XML_PARSE_NOWARNING`; validation against a schema file when asked), `virXMLValidatorInit` and `virXMLValidateAgainstSchema` (libxml2's RelaxNG validator), `catchXMLError` (only fatal parse errors stop libvirt).\n- libvirt `src/conf/schemas/domain.rng`, `domaincommon.rng` and the files they include (installed under `/usr/share/libvirt/schemas`); `virt-xml-validate(1)`; `virsh define --validate`.\n- libxml2 `relaxng.c`: `xmlRelaxNGValidateDoc`, and its error messages (\"Extra element %s in interleave\", \"Invalid attribute %s for element %s\"); `tree.c` `xmlGetNodePath` for the node path kvmlint maps back to a position.\n- libvirt, Domain XML format (libvirt.org/formatdomain.html).\n",
    "smt-sibling-sharing": "# smt-sibling-sharing\n\nReports a vCPU dedicated to a host CPU whose SMT sibling (another hardware thread of the same core) does other work: it is a housekeeping CPU, carries this guest's emulator or IOThreads, or is used by another guest planned on the host. The finding is on the dedicating `<vcpupin>`, with the sibling CPUs and what runs on them (at most three other guests named). A vCPU dedicated to a housekeeping CPU is `housekeeping-overlap`'s finding alone: what that CPU's sibling runs is not a second cause.\n\n## Why this matters\n\nThe two (or more) hardware threads of one core share its execution units, L1 and L2 caches and branch predictors. A vCPU on one thread runs noticeably slower, and with more jitter, whenever its sibling is busy. For a vCPU pinned 1:1 for predictable latency, a busy sibling undoes much of what the pinning was for:\n\n- **housekeeping on the sibling**: interrupts, softirqs, kworkers and RCU callback threads run on housekeeping CPUs. Isolating a CPU while leaving its sibling in the housekeeping set is a common off-by-numbering mistake (on many hosts the siblings are N and N+16, not N and N+1);\n- **this guest's emulator or IOThreads pinned onto the sibling**: the guest's own I/O then competes with its vCPU. Unpinned ones are `missing-emulatorpin`'s and `iothread-placement`'s finding, and ones allowed on the vCPU's own CPU `emulatorpin-overlaps-vcpus`' and `iothread-placement`'s: one cause, one finding;\n- **another guest on the sibling**: a noisy neighbour on the same core. OpenStack's `hw:cpu_thread_policy=isolate` exists to prevent this.\n\nThis guest's *own* vCPUs on the sibling are not reported. That is how a guest with `<topology threads='2'>` is meant to be pinned (see `guest-smt-topology-mismatch`).\n\nUnpinned threads of other guests count only on siblings outside the isolcpus domain set, where the scheduler can place them (see `dedicated-cpu-conflict`).\n\n## Incorrect\n\nOn a host whose siblings are N and N+16, booted with `isolcpus=1-7,9-15,17-31` (housekeeping 0, 8 and 16):\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='24'/>\n  <vcpupin vcpu='1' cpuset='25'/>\n  <emulatorpin cpuset='8'/>\n</cputune>\n```\n\nCPU 24's sibling is CPU 8, which does housekeeping and carries the emulator.\n\n## Correct\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='26'/>\n  <vcpupin vcpu='1' cpuset='27'/>\n  <emulatorpin cpuset='8'/>\n</cputune>\n```\n\nThe siblings 10 and 11 stay idle, or run this guest's own vCPUs with `<topology threads='2'>`.\n\n## Fix\n\nThere is no automatic fix, because the choice is between capacity and latency. Leave the siblings of dedicated CPUs idle. Or give them to the same guest's vCPUs and declare `<topology threads='2'>` so the guest knows. Or, on the host, isolate whole cores, meaning both threads: keep housekeeping on whole cores too. A host with SMT disabled has no siblings and is never reported.\n\n## Needs\n\n**plan** and a host snapshot with the CPU topology (`cpuTopology` with `siblings`, from `/sys/devices/system/cpu/cpuN/topology/thread_siblings_list` or `virsh capabilities`; CPUs sharing socket, die and core id count as siblings when the list is absent). Without it, the rule reports one info note on the snapshot naming the dedicated CPUs it could not check. Housekeeping siblings are checked only when the housekeeping set is known. Dedicated CPUs the host does not have online are skipped (that is `pin-target-offline`'s finding), so they are not named as unknown topology.\n\n## Sources\n\n- Linux `Documentation/ABI/stable/sysfs-devices-system-cpu` (`topology/thread_siblings_list`) and `Documentation/admin-guide/kernel-parameters.txt` (`isolcpus`, `nohz_full`: isolate both threads of a core).\n- libvirt, Domain XML format, \xA7CPU Tuning and \xA7CPU model and topology (`<topology threads>`). `formatcaps` (`<cpu siblings>`).\n- OpenStack Nova `nova/virt/hardware.py` and the flavor extra spec `hw:cpu_thread_policy` (`isolate`: no other instance's vCPU on a sibling).\n- libvirt kbase kvm-realtime: realtime vCPUs on isolated CPUs, host work elsewhere.\n",
    "unused-disable-directive": "# unused-disable-directive\n\nA `kvmlint-disable\u2026` comment, or a `<kvmlint:disable>` suppression in the domain's `<metadata>`,\nthat suppresses no finding: the problem it silenced was fixed, the rule id is misspelt, it sits in\nthe wrong place, or its `element` path matches no element. Reported only with\n`--report-unused-disable-directives` (or `\"reportUnusedDisableDirectives\": true` in\n`kvmlint.config.json`), like ESLint's option of the same name.\n\n## Why this matters\n\nA stale directive is a hole waiting for the next mistake: when someone later re-introduces the\nproblem on that element, the comment silences it without anyone having decided so. A misspelt\nrule id silences nothing while looking as if it did.\n\n## Directives\n\nDirectives are XML comments (design.md \xA74). The text after a colon is the reason, kept for reviewers:\n\n- `<!-- kvmlint-disable-next-line rule-a rule-b: reason -->` \u2014 findings of those rules (all rules\n  when none is named) on the start tag of the next element;\n- `<!-- kvmlint-disable rule-a -->` \u2026 `<!-- kvmlint-enable rule-a -->` \u2014 a region;\n- `<!-- kvmlint-disable-file rule-a -->` \u2014 the whole file.\n\nAn XML comment may not contain `--`, so the reason cannot either. libvirt drops comments when it\nstores a domain: for XML dumped from a live host, use the config's `ignores` (by domain name or\nuuid) instead.\n\n## Incorrect\n\n```xml\n  <cputune>\n    <!-- kvmlint-disable-next-line housekeeping-overlap: vCPU 0 is the guest's housekeeping vCPU -->\n    <vcpupin vcpu='0' cpuset='4'/>\n```\n\nCPU 4 is not a housekeeping CPU, so nothing was suppressed: the directive is stale.\n\n## Correct\n\n```xml\n  <cputune>\n    <!-- kvmlint-disable-next-line housekeeping-overlap: vCPU 0 runs the guest's own housekeeping -->\n    <vcpupin vcpu='0' cpuset='2'/>\n```\n\n## Fix\n\nNo automatic fix: delete the directive, or correct the rule id it names.\n\n## Needs\n\nOne domain file; the directive is matched against the findings of every rule run on it.\n\n## Sources\n\n- ESLint, \"Disabling Rules with Inline Comments\" and `--report-unused-disable-directives`.\n- kvmlint design.md \xA74, Inline directives.\n",
    "value-invalid": "# value-invalid\n\nReports a number, size, unit or mode in the domain XML that libvirt would reject: non-numeric or negative counts and ids, a memory size with an unknown unit or text after its digits, a vCPU count of 0 or beyond any driver's limit, a hugepage size of 0, or a `numatune` mode libvirt does not know. The finding points at the value itself (the attribute value or the element text).\n\n## Why this matters\n\nlibvirt parses these values strictly: `virStrToLong_*` accepts digits only, and `virScaleInteger` accepts only the unit suffixes it knows. One bad value makes `virsh define` (or `virsh edit` when saving) fail for the whole domain. kvmlint reports it at the exact value instead. The other rules also need these numbers. A vCPU id written as a word, or a memory size libvirt cannot read, leaves nothing to compute with, so the pin or size is skipped by the placement and capacity rules. This rule is where that shows.\n\nChecked values:\n\n- **Integers**: `<vcpu>` text and its `current`, `<iothreads>`, `vcpupin vcpu`, `iothreadpin iothread`, `vcpusched priority`, `<iothread id>`, `memnode cellid`, guest `<cell id>`, `<topology sockets|dies|clusters|cores|threads>`. Each must be a non-negative decimal integer.\n- **vCPU count**: `<vcpu>` must be at least 1, and not above 16384, which no libvirt driver accepts.\n- **Memory sizes** (`<memory>`, `<currentMemory>`, `<maxMemory>`, `<memtune>` limits, `<cell memory>`, hugepage `<page size>`): decimal digits only, with no sign, spaces or unit in the text, and a `unit` that `virScaleInteger` knows: `b`, `bytes`, `k`/`KiB`, `M`/`MiB`, `G`/`GiB`, `T`/`TiB`, `P`, `E` (powers of 1024), or `KB`, `MB`, `GB`, `TB` (powers of 1000). Units are case-insensitive, and the default is KiB. A page size must be greater than 0.\n- **numatune mode**: one of `strict`, `preferred`, `interleave`, `restrictive`.\n- **IOThread polling**: `<iothreadids><iothread><poll weight>` must lie in 0-63 (`virDomainIOThreadIDDefParseXML`: \"poll weight N is out of range [0, 63]\").\n\n| written | KiB |\n| --- | --- |\n| `<memory>16777216</memory>` | 16777216 |\n| `<memory unit='G'>16</memory>`, `unit='GiB'`, `unit='g'` | 16777216 |\n| `<memory unit='GB'>16</memory>` | 15625000 |\n| `<memory unit='bytes'>17179869185</memory>` | 16777217 (rounded up) |\n| `<memory unit='GiG'>16</memory>` | error: unknown unit |\n\nA decimal unit on a hugepage size (`size='1' unit='GB'`, which is 976,563 KiB, not a page size) is valid syntax and is left to `hugepage-size-decimal-unit`. Cpuset and nodeset values have their own rule, `cpuset-syntax`.\n\n## Incorrect\n\n```xml\n<memory unit='GiG'>16</memory>\n<memory>16 GiB</memory>\n<vcpu placement='static'>0</vcpu>\n<vcpupin vcpu='zero' cpuset='4'/>\n<page size='0' unit='KiB'/>\n<memory mode='strictly' nodeset='0'/>\n```\n\n## Correct\n\n```xml\n<memory unit='GiB'>16</memory>\n<memory unit='bytes'>17179869184</memory>\n<memory>16777216</memory>\n<vcpu placement='static' current='2'>4</vcpu>\n<vcpupin vcpu='0' cpuset='4'/>\n<page size='2048' unit='KiB'/>\n<memory mode='strict' nodeset='0'/>\n```\n\n## Fix\n\nThere is no automatic fix: a value libvirt cannot read has no single correct reading. Write the number in decimal digits, put the unit in the `unit` attribute, and use one of the unit and mode names above.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt `src/util/virutil.c`: `virScaleInteger` (units, powers of 1024 and 1000) and `src/util/virxml.c`: `virParseScaledValue`.\n- libvirt `src/util/virstring.c`: `virStrToLong_*` (digits only, nothing after them).\n- libvirt `src/conf/domain_conf.c` (`virDomainParseMemory`: round up to whole KiB) and `src/conf/numa_conf.c` (numatune modes).\n- libvirt, Domain XML format, \xA7CPU Allocation, \xA7Memory Allocation (\"unit \u2026 defaults to KiB\"), \xA7Memory Backing, \xA7NUMA Node Tuning, \xA7CPU model and topology.\n",
    "vcpu-floating-pin": "# vcpu-floating-pin\n\nReports a `<vcpupin>` whose `cpuset` names more than one host CPU (a floating pin) in a domain laid out for dedicated 1:1 pinning: one where other vCPUs each have a CPU of their own, or where `<emulatorpin>` keeps the emulator on CPUs apart from all the vCPU pins. Floating pins are reported on their `cpuset`, once per set of CPUs: vCPUs 0-3 each pinned to `4-7` are one finding at the first pin, with the other pins as related locations.\n\n## Why this matters\n\nThe tuning guide's layout gives every vCPU one host CPU of its own and puts QEMU's other threads elsewhere. A vCPU pinned to a range instead is moved between those CPUs by the scheduler: it loses its cache and TLB contents on every move, it can land on the same CPU as another vCPU of the pool and run at half speed, and on CPUs isolated with `isolcpus` the scheduler does not balance at all, so two threads that land on one CPU stay there. One floating pin among 1:1 pins is almost always a typo (`cpuset='7-8'` for `'7'`), and a pool next to a carefully separated emulator is half of a tuned layout.\n\nWhat is not reported, because it is a deliberate, consistent choice rather than a slip:\n\n- a domain whose vCPU pins all float and whose emulator runs on the same CPUs (what OpenStack Nova writes for an instance with a NUMA topology but no dedicated CPUs), or has no `<emulatorpin>` at all: a shared pool, on purpose (an emulator with no pin is `missing-emulatorpin`'s);\n- per-node pools without `<emulatorpin>` (vCPUs 0-3 on node 0's CPUs, 4-7 on node 1's);\n- with a host snapshot, a pin to exactly the hardware threads of one core (`cpuset='1,5'` where CPUs 1 and 5 are SMT siblings) for no more vCPUs than the core has threads: each vCPU has a thread, and moving between siblings keeps the core's L1 and L2 caches (a CI runner's housekeeping vCPUs, each given a whole core);\n- a floating vCPU with realtime (`fifo`/`rr`) scheduling: that is `realtime-sched-unsafe`'s error.\n\nOpenStack Nova's `mixed` CPU policy (some vCPUs dedicated, the others on the shared pool) is reported, as the guide advises against floating vCPUs next to dedicated ones; disable the rule for such domains in the config if the mix is intended.\n\n## Incorrect\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7-8'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4-7'/>\n  <vcpupin vcpu='1' cpuset='4-7'/>\n  <vcpupin vcpu='2' cpuset='4-7'/>\n  <vcpupin vcpu='3' cpuset='4-7'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\n## Correct\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\nA shared pool, emulator included, is not reported:\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4-15'/>\n  <vcpupin vcpu='1' cpuset='4-15'/>\n  <emulatorpin cpuset='4-15'/>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix: which single CPU each vCPU should get depends on what else runs on the host. Pin each vCPU to one CPU of its own, on the NUMA node of its memory.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU Tuning (`vcpupin`, `emulatorpin`).\n- Linux `Documentation/admin-guide/kernel-parameters` (`isolcpus`: isolated CPUs are removed from scheduler load balancing).\n- OpenStack Nova `nova/virt/hardware.py` and the libvirt driver's CPU policies (`dedicated`, `shared`, `mixed`), which write these pin layouts.\n- The KVM tuning guide for Rocky Linux: dedicated 1:1 vCPU pinning, no floating pools.\n",
    "vcpu-id-range": "# vcpu-id-range\n\nReports `<cputune>` entries that name a vCPU or IOThread the domain does not have, pin one vCPU or IOThread twice, or give a realtime policy no valid priority: a `vcpupin` at or beyond the `<vcpu>` maximum or repeated, `vcpusched`/`cachetune`/`memorytune` `vcpus` outside 0..max-1 or missing, an `iothreadpin`/`iothreadsched` naming a missing IOThread, and `fifo`/`rr` without a priority or with one outside 1\u201399. The finding points at the attribute at fault (or at the element's start tag when the attribute is missing).\n\n## Why this matters\n\nThese entries are written by hand, and they go stale when `<vcpu>` or `<iothreads>` shrinks later. Most of them make `virsh define` fail. The others are worse, because libvirt accepts them silently and the file then promises something the guest does not get:\n\n| entry | what libvirt does (source) |\n| --- | --- |\n| `vcpupin vcpu` \u2265 max vCPUs | drops the pin, with only a log warning \"Ignoring vcpupin for missing vcpus\" (domain_conf.c `virDomainVcpuPinDefParseXML`): reported as a **warning**, since the domain defines and runs; the CPU the pin names is only reserved on paper |\n| a second `vcpupin` for one vCPU | rejects: \"duplicate vcpupin for vcpu\" (same function) |\n| `vcpusched` without `vcpus`, or naming a vCPU \u2265 max | rejects: \"Missing attribute 'vcpus'\u2026\", \"vCPU 'N' is not present in domain definition\" (`virDomainThreadSchedParseHelper`, `virDomainDefGetVcpuSched`) |\n| two `vcpusched` (or `iothreadsched`) covering one thread | rejects: \"'vcpusched' attributes 'vcpus' must not overlap\" |\n| `cachetune`/`memorytune` `vcpus` beyond the maximum | cuts the group down to the existing vCPUs (`virBitmapShrink`); a group left empty is ignored entirely (`virDomainResctrlParseVcpus`): reported as an **info**, since the domain defines and runs. A missing `vcpus` is rejected |\n| two `cachetune`/`memorytune` groups whose (cut) `vcpus` overlap without being equal, or two cachetunes (two memorytunes) with the same set | rejects the domain (`virDomainResctrlVcpuMatch`: \"Overlapping vcpus in resctrls\"; \"Identical vcpus in cachetunes found\"): an **error**. A memorytune with exactly a cachetune's vCPUs joins that group and is fine |\n| two allocations of one cache level in one `<cachetune>` (`type='both'` with anything, or one type twice), a `<memorytune>` `<node id>` given twice or a `bandwidth` over 100, a `<monitor vcpus>` outside its group | rejects the domain (`virResctrlAllocCheckCollision`, `virResctrlAllocSetMemoryBandwidth`, `virDomainResctrlMonDefParse`; libvirt's tests `cachetune-colliding-*`, `memorytune-colliding-*`): an **error** |\n| `iothreadpin`/`iothreadsched` naming an IOThread the domain lacks, or pinning one twice | rejects: \"Cannot find 'iothread' : N\" (`virDomainIOThreadPinDefParseXML`, `virDomainDefGetIOThreadSched`) |\n| `scheduler='fifo'`/`'rr'` without `priority` | rejects (`virDomainSchedulerParseCommonAttrs`: priority is required for realtime policies) |\n| `priority` outside 1\u201399 | accepted when defined, then the start fails: \"Scheduler priority N out of range [1, 99]\" (virprocess.c `virProcessSetScheduler`, which asks `sched_get_priority_min/max`) |\n| `scheduler` missing, or not one of `batch`, `idle`, `fifo`, `rr` | rejects |\n\nThe IOThreads a domain has are the ids in `<iothreadids>`, and, when `<iothreads>` asks for more, libvirt fills in the lowest unused ids from 1 up (`virDomainIOThreadIDDefArrayInit`): `<iothreads>3</iothreads>` with only `<iothread id='5'/>` listed gives IOThreads 1, 2 and 5.\n\nAll ids are compared with the vCPU **maximum** (the `<vcpu>` text), not `current`: pinning an offline vCPU is valid and takes effect when it is hot-plugged. When `<vcpu>` itself does not parse, the vCPU checks are skipped (`value-invalid` reports it).\n\n## Incorrect\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<iothreads>2</iothreads>\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='1' cpuset='6'/>\n  <vcpupin vcpu='4' cpuset='8'/>\n  <emulatorpin cpuset='0-1'/>\n  <iothreadpin iothread='3' cpuset='0-1'/>\n  <vcpusched vcpus='0-7' scheduler='fifo'/>\n  <cachetune vcpus='4-7'>\n    <cache id='0' level='3' type='both' size='3' unit='MiB'/>\n  </cachetune>\n</cputune>\n```\n\n## Correct\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<iothreads>2</iothreads>\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <emulatorpin cpuset='0-1'/>\n  <iothreadpin iothread='2' cpuset='0-1'/>\n  <vcpusched vcpus='0-3' scheduler='fifo' priority='1'/>\n  <cachetune vcpus='0-3'>\n    <cache id='0' level='3' type='both' size='3' unit='MiB'/>\n  </cachetune>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix: whether a stale entry should go, or `<vcpu>`/`<iothreads>` should grow back, is the author's decision. Delete pins for vCPUs the guest no longer has, keep one pin per vCPU, and give every `fifo`/`rr` policy a priority from 1 to 99 (kvm-realtime uses 1 for vCPUs).\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt `src/conf/domain_conf.c`: `virDomainVcpuPinDefParseXML`, `virDomainIOThreadPinDefParseXML`, `virDomainSchedulerParseCommonAttrs`, `virDomainSchedulerParse`, `virDomainThreadSchedParseHelper`, `virDomainDefGetVcpuSched`, `virDomainDefGetIOThreadSched`, `virDomainResctrlParseVcpus`, `virDomainDefParseIOThreads` and `virDomainIOThreadIDDefArrayInit`.\n- libvirt `src/util/virprocess.c`: `virProcessSetScheduler` (priority range from `sched_get_priority_min/max`).\n- libvirt, Domain XML format, \xA7CPU Tuning (`vcpupin`, `iothreadpin`, `vcpusched`, `iothreadsched`, `emulatorsched`, `cachetune`, `memorytune`) and \xA7IOThreads Allocation.\n- Linux `sched(7)`: SCHED_FIFO and SCHED_RR priorities 1 (low) to 99 (high).\n- libvirt kbase, KVM real time guest configuration (kvm-realtime).\n",
    "vcpu-partially-pinned": "# vcpu-partially-pinned\n\nReports a domain that pins some of its vCPUs with `<vcpupin>` but not the others, with no `<vcpu cpuset>` to bound the rest: the unpinned vCPUs float over every online host CPU. The finding is on the `<vcpu>` element and names the unpinned vCPUs as ranges (`vCPUs 1-63`), never one by one.\n\n## Why this matters\n\nA vCPU's affinity is its `<vcpupin>`, else `<vcpu cpuset>`, else numad's nodes with `placement='auto'`, else every online host CPU, isolated CPUs included (formatdomain \xA7CPU Tuning: \"If this is omitted, and attribute cpuset of element vcpu is not specified, the vCPU is pinned to all the physical CPUs by default\"; `qemuProcessSetupVcpu` in `qemu_process.c`).\n\nSo a guest with 8 vCPUs and pins for 4 of them has 4 vCPUs that can run anywhere: on the pinned vCPUs' own CPUs (taking turns with them), on isolated cores meant for other guests (where `isolcpus` stops the scheduler from moving them away again), and on other NUMA nodes than the guest's memory. It usually comes from raising `<vcpu>` without adding pins, from a pin block copied from a smaller guest, or from vCPUs that start offline and were never pinned.\n\nvCPUs that start offline (ids from `<vcpu current>` up, or those `<vcpus><vcpu id enabled='no'/>` disables: `<vcpus>` wins when present, as in libvirt's `virDomainVcpuParse`) run nowhere until hot-plugged, so they float over nothing today. When only such vCPUs are unpinned the finding is an **info** (a hot-plugged vCPU gets the same affinity chain, so it would float once plugged); when online vCPUs float too, the warning's help line names the offline ones as well. Every rule treats them the same way (`offlineVcpus` in `src/model/domain.ts`): an unpinned offline vCPU is in no affinity group.\n\nLeft to other rules:\n\n- a vCPU with realtime (`fifo`/`rr`) scheduling and no pin is `realtime-sched-unsafe`'s (an error there), so it is not named here;\n- with `placement='auto'`, numad confines the unpinned vCPUs, so nothing is reported;\n- a `<vcpupin>` whose `vcpu` does not parse, or is out of range, is `value-invalid`'s or `vcpu-id-range`'s; while one is present this rule stays silent, as it cannot tell which vCPU was meant.\n\n## Incorrect\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\nInfo only (vCPUs 4-7 start offline and have no pin):\n\n```xml\n<vcpu placement='static' current='4'>8</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\n## Correct\n\nPin every vCPU, including the ones that start offline:\n\n```xml\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\nOr bound the rest with `<vcpu cpuset>`:\n\n```xml\n<vcpu placement='static' cpuset='8-15'>4</vcpu>\n```\n\n## Fix\n\nThere is no automatic fix: which CPU each remaining vCPU should get (and whether it should have one of its own at all) is a capacity decision. Add a `<vcpupin>` per unpinned vCPU, or a `cpuset` on `<vcpu>` that bounds them.\n\n## Needs\n\n**domain**. With a host snapshot the message lists the online CPUs the vCPUs float over.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU Allocation (`<vcpu cpuset>`, `current`, `placement`) and \xA7CPU Tuning (`vcpupin`).\n- libvirt `src/qemu/qemu_process.c` (`qemuProcessSetupVcpu`, `qemuProcessSetupPid`), and `qemu_hotplug.c` for hot-plugged vCPUs, which go through the same setup.\n- Linux `Documentation/admin-guide/kernel-parameters` (`isolcpus`: no load balancing on isolated CPUs).\n- The KVM tuning guide for Rocky Linux: every vCPU pinned 1:1.\n",
    "vcpu-pin-collision": "# vcpu-pin-collision\n\nReports two or more vCPUs of one domain dedicated to the same host CPU: each `<vcpupin>` names that single CPU, or several vCPUs follow a single-CPU `<vcpu cpuset>`. The first vCPU on the CPU is taken as its owner; every other one is reported on its `cpuset`, naming the vCPUs it collides with.\n\n## Why this matters\n\nA vCPU pinned to one CPU is meant to have that CPU to itself (rules.md \xA70: a thread with exactly one CPU is dedicated). Two vCPUs on one CPU take turns: each gets a fraction of the CPU, so the guest runs slower than its vCPU count suggests, and a vCPU preempted while holding a guest spinlock stalls the other vCPUs that spin waiting for it (lock-holder preemption). The guest cannot see any of this and schedules work as if it had separate CPUs. The usual cause is a copy-paste slip in the pin list (`cpuset='5'` twice instead of `5` and `6`).\n\nLeft to other rules:\n\n- when one of the colliding vCPUs has realtime (`fifo`/`rr`) scheduling, the collision is `realtime-sched-unsafe`'s, reported as an error there;\n- vCPUs that share a multi-CPU range are floating, not dedicated (`vcpu-floating-pin`);\n- two domains on one CPU are `dedicated-cpu-conflict`'s (a plan rule).\n\n## Incorrect\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='5'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\n```xml\n<vcpu placement='static' cpuset='9'>2</vcpu>\n```\n\n## Correct\n\n```xml\n<cputune>\n  <vcpupin vcpu='0' cpuset='4'/>\n  <vcpupin vcpu='1' cpuset='5'/>\n  <vcpupin vcpu='2' cpuset='6'/>\n  <vcpupin vcpu='3' cpuset='7'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>\n```\n\n## Fix\n\nThere is no automatic fix: which free CPU the extra vCPU should move to depends on the host. Give each vCPU a CPU of its own, on the same NUMA node as the others.\n\n## Needs\n\n**domain**.\n\n## Sources\n\n- libvirt, Domain XML format, \xA7CPU Allocation (`<vcpu cpuset>`) and \xA7CPU Tuning (`vcpupin`).\n- libvirt `src/qemu/qemu_process.c` (`qemuProcessSetupVcpu`): each vCPU thread gets the affinity of its own pin.\n- The KVM tuning guide for Rocky Linux: one host CPU per vCPU.\n",
    "xml-malformed": "# xml-malformed\n\nReports a file that is not well-formed XML, once, at the line and column where the parser hit its first fatal error. A malformed file gets no other findings: there is no document to check.\n\n## Why this matters\n\nlibvirt parses domain XML with libxml2 and rejects a file that is not well-formed, so `virsh define` fails. The usual causes are hand edits: a closing tag lost when a device was removed, a start tag closed under another name (`<vcpu>\u2026</vcpus>`), an attribute without quotes, a bare `&`, or two `virsh dumpxml` outputs appended to one file. In a fleet repository a broken file also hides every other problem in it until someone tries to deploy.\n\nkvmlint parses with saxes, which reports the first error with its line and column. The finding is placed there, which is sometimes after the real mistake. A missing end tag is only noticed at the next end tag that does not match. A bare `&` starts an entity reference that only ends at the next `;`, so it is reported there or at the end of the file.\n\n**Entities are never expanded.** saxes does not read external entities or DTDs and does not define entities from an internal subset. A reference to anything but the five predefined entities (`&amp;` `&lt;` `&gt;` `&apos;` `&quot;`) or a character reference is a well-formedness error at the first reference. A \"billion laughs\" file (nested `<!ENTITY>` definitions) therefore costs nothing and yields exactly one `xml-malformed` finding. libvirt never needs a DTD: `virsh dumpxml` does not write one.\n\nFiles are also refused as malformed when they are not valid UTF-8 (without a UTF-16 byte order mark). The finding is placed at the first bad byte.\n\n## Incorrect\n\n```xml\n<vcpu placement='static'>2</vcpus>\n```\n\n```xml\n<vcpupin vcpu=1 cpuset='5'/>\n```\n\n```xml\n<?xml version=\"1.0\"?>\n<!DOCTYPE domain [\n  <!ENTITY lol \"lol\">\n  <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<domain type='kvm'>\n  <description>&lol1;</description>\n</domain>\n```\n\n## Correct\n\n```xml\n<?xml version='1.0' encoding='UTF-8'?>\n<domain type='kvm'>\n  <description>Mail relay &amp; spam filter &#x2013; owner: ops &lt;ops@example.org&gt;</description>\n  <vcpu placement='static'>2</vcpu>\n  <cputune>\n    <vcpupin vcpu='1' cpuset='5'/>\n  </cputune>\n</domain>\n```\n\n## Fix\n\nThere is no automatic fix. Correct the XML at the reported position, or just before it for a missing end tag, and prefer `virsh edit` or `virsh dumpxml`, which always write well-formed XML. Comments must not contain `--`, which also makes the file malformed (see the inline directive syntax).\n\n## Needs\n\n**domain** (any XML file named or found).\n\n## Sources\n\n- W3C, Extensible Markup Language (XML) 1.0, well-formedness constraints (\xA72.1, \xA74.1 \"Entity Declared\").\n- saxes (the parser kvmlint uses): entity handling and error positions.\n- libvirt `src/util/virxml.c` (`virXMLParse`), which rejects malformed documents.\n- OWASP, XML External Entity and \"billion laughs\" entity expansion attacks.\n"
  };
}

// package.json
var package_default = {
  name: "kvmlint",
  version: "0.1.0",
  description: "Linter and static analyzer for libvirt domain XML: NUMA, pinning, hugepages and host tuning mistakes, found offline before deploy.",
  license: "MIT",
  type: "module",
  main: "dist/api.mjs",
  types: "dist/types/src/api.d.ts",
  exports: {
    ".": {
      types: "./dist/types/src/api.d.ts",
      import: "./dist/api.mjs"
    },
    "./package.json": "./package.json"
  },
  bin: {
    kvmlint: "dist/kvmlint.mjs"
  },
  files: [
    "dist/",
    "!dist/kvmlint-code-cache-*",
    "schemas/",
    "rules/*/README.md",
    "README.md",
    "CHANGELOG.md",
    "LICENSE"
  ],
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "node scripts/build.mjs",
    gen: "node --import tsx scripts/gen-rules-index.ts && node --import tsx scripts/gen-validators.ts",
    typecheck: "tsc -p tsconfig.json",
    test: "tsc -p tsconfig.json && node scripts/run-tests.mjs",
    bench: "node --import tsx scripts/bench.ts && node --import tsx scripts/bench-plan.ts",
    "bench:plan": "node --import tsx scripts/bench-plan.ts",
    fuzz: "node --import tsx scripts/fuzz.ts",
    snapshots: "node --import tsx scripts/update-snapshots.ts"
  },
  devDependencies: {
    "@actions/workflow-parser": "^0.3.61",
    "@babel/code-frame": "^7.0.0",
    "@microsoft/sarif-multitool": "^5.7.0",
    "@types/node": "^20.19.43",
    "@types/picomatch": "^4.0.3",
    "@types/sarif": "^2.1.7",
    ajv: "^8.20.0",
    "ajv-draft-04": "^1.0.0",
    chalk: "^2.4.2",
    commander: "^14.0.3",
    esbuild: "^0.28.2",
    "eslint-formatter-friendly": "^7.0.0",
    "fast-check": "^4.10.2",
    globby: "^16.2.4",
    ignore: "^7.0.16",
    "libxml2-wasm": "^0.7.2",
    picomatch: "^4.0.7",
    saxes: "^6.0.0",
    tsx: "^4.23.15",
    typescript: "^5.9.3",
    yaml: "^2.9.1"
  }
};

// src/version.ts
var VERSION = package_default.version;
var HOMEPAGE = "https://github.com/kvmlint/kvmlint";

// src/engine/registry.ts
var rules2 = rules;
var byId = new Map(rules2.map((r) => [r.meta.id, r]));
function firstParagraph(md) {
  const body = md.replace(/^#[^\n]*\n/, "").trim();
  return (body.split(/\n\s*\n/)[0] ?? "").replace(/\s*\n\s*/g, " ").trim();
}
function markdownToText(md) {
  return md.replace(/^```\w*\n?/gm, "").replace(/`([^`]*)`/g, "$1").replace(/\*\*([^*]+)\*\*/g, "$1").replace(/\[([^\]]+)\]\([^)]*\)/g, "$1").replace(/^#+\s*/gm, "").trim();
}
var docs = /* @__PURE__ */ new Map();
var readmeTexts;
function ruleDoc(rule) {
  let doc = docs.get(rule.meta.id);
  if (!doc) {
    let md;
    const markdown = () => md ??= (readmeTexts ??= readmes())[rule.meta.id] ?? `# ${rule.meta.id}

${rule.meta.summary}
`;
    let fullDescription;
    let helpText;
    doc = {
      meta: rule.meta,
      get fullDescription() {
        return fullDescription ??= firstParagraph(markdown()) || rule.meta.summary;
      },
      get helpMarkdown() {
        return markdown();
      },
      get helpText() {
        return helpText ??= markdownToText(markdown());
      },
      // The README of this release (its tag), not of main: a rule's advice changes between versions.
      helpUri: `${HOMEPAGE}/blob/v${VERSION}/rules/${rule.meta.id}/README.md`
    };
    docs.set(rule.meta.id, doc);
  }
  return doc;
}

// src/engine/core.ts
var NO_OPTIONS = Object.freeze({});
function lineColumnOf(lines, range) {
  const s = lines.position(range.start);
  const e = lines.position(range.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
function effectiveSeverity(rule, reported, setting) {
  const base = reported ?? rule.meta.severity;
  if (base === "info" || setting === void 0 || setting === "off") return base;
  return setting;
}
function diagnosticOf(rule, severity, at, d) {
  const text = renderReport(rule, d);
  const diag = {
    ruleId: rule.meta.id,
    severity,
    ...text.messageId !== void 0 ? { messageId: text.messageId } : {},
    ...text.data ? { data: text.data } : {},
    message: text.message,
    ...text.help !== void 0 ? { help: text.help } : {},
    file: at.path,
    range: d.range,
    ...lineColumnOf(at.lines, d.range)
  };
  if (d.unchecked) {
    diag.severity = "info";
    diag.unchecked = true;
  }
  if (d.related && d.related.length > 0) {
    diag.related = d.related.map((r) => {
      const where = r.file ?? at;
      return { file: where.path, range: r.range, ...lineColumnOf(where.lines, r.range), message: excerpt(r.message, MAX_PLACEHOLDER_VALUE) };
    });
  }
  if (d.fix) {
    if (!rule.meta.fixable) throw new Error(`rule ${rule.meta.id} returned a fix but its metadata does not declare fixable`);
    diag.fix = d.fix;
  }
  if (d.suggestions && d.suggestions.length > 0) {
    if (!rule.meta.hasSuggestions) throw new Error(`rule ${rule.meta.id} returned suggestions but its metadata does not declare hasSuggestions`);
    diag.suggestions = d.suggestions.map((sg) => {
      const t = renderReport(rule, sg);
      return { ...t.messageId !== void 0 ? { messageId: t.messageId } : {}, ...t.data ? { data: t.data } : {}, message: t.message, fix: sg.fix };
    });
  }
  return diag;
}
function planEnvironment(rules4, settings = {}, ruleOptions = {}) {
  return { rules: rules4.filter((r) => settings[r.meta.id] !== "off"), settings, ruleOptions, reportUnusedDisableDirectives: false, hostOnceKeys: /* @__PURE__ */ new Set(), ruleFailures: [] };
}
function lintPlanSources(host, files, env) {
  const { rules: rules4, settings, ruleOptions, schema } = env;
  const found = [];
  const push2 = (rule, at, d) => found.push(diagnosticOf(rule, effectiveSeverity(rule, d.severity, settings[rule.meta.id]), at, d));
  const builtin = (id) => rules4.find((r) => r.meta.id === id);
  const callRule = (rule, where, check, ctx) => {
    const t0 = env.ruleTimes ? performance.now() : 0;
    try {
      check.call(rule, ctx);
    } catch (e) {
      env.ruleFailures.push(`rule ${rule.meta.id} failed on ${where}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (env.ruleTimes) env.ruleTimes.set(rule.meta.id, (env.ruleTimes.get(rule.meta.id) ?? 0) + performance.now() - t0);
  };
  const domains = [];
  const linted = [];
  for (const { source, explicit } of files) {
    const { doc } = source;
    if (!doc.error && doc.root?.name !== "domain" && !explicit) continue;
    linted.push(source);
    if (doc.error) {
      const rule = builtin("xml-malformed");
      const at = Math.min(doc.error.offset, source.text.length);
      if (rule) push2(rule, source, { range: { start: at, end: Math.min(at + 1, source.text.length) }, messageId: "malformed", data: { error: doc.error.message } });
      continue;
    }
    if (doc.root?.name !== "domain") {
      const rule = builtin("not-a-domain");
      if (rule && doc.root) push2(rule, source, { range: doc.root.startTag, messageId: "notADomain", data: { root: doc.root.name } });
      continue;
    }
    domains.push({ source, domain: buildDomainModel(doc.root) });
  }
  const reportOnHost = (rule, h, d) => {
    push2(rule, h, { ...d, range: d.range ?? { start: 0, end: h.lines.firstLineEnd() } });
  };
  let current;
  const contexts = domains.map((ld) => ({
    source: ld.source,
    domain: ld.domain,
    host,
    options: NO_OPTIONS,
    schema,
    report: (d) => push2(current, ld.source, d),
    reportHostOnce: (key, d) => {
      if (!host) return;
      const k = `${current.meta.id}\0${host.path}\0${key}`;
      if (env.hostOnceKeys.has(k)) return;
      env.hostOnceKeys.add(k);
      reportOnHost(current, host, d);
    }
  }));
  for (const rule of rules4) {
    if (!rule.checkDomain || rule.meta.needs !== "domain" && !host) continue;
    current = rule;
    const options = ruleOptions[rule.meta.id] ?? NO_OPTIONS;
    for (const ctx of contexts) {
      ctx.options = options;
      callRule(rule, ctx.source.path, rule.checkDomain, ctx);
    }
  }
  if (host) {
    for (const rule of rules4) {
      if (!rule.checkPlan) continue;
      callRule(rule, `the plan of ${host.path}`, rule.checkPlan, {
        host,
        domains,
        options: ruleOptions[rule.meta.id] ?? NO_OPTIONS,
        report: (on, d) => push2(rule, on.source, d),
        reportHost: (d) => reportOnHost(rule, host, d)
      });
    }
  }
  return { diagnostics: applyInlineDirectives(found, linted, env), linted, domains, domainCount: domains.length };
}
function applyInlineDirectives(diagnostics, linted, env) {
  const byFile = /* @__PURE__ */ new Map();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const directiveRule = env.rules.find((r) => r.meta.id === "unused-disable-directive");
  const known = knownRuleIds(env);
  const out = [];
  const sources = new Map(linted.filter((s) => !s.doc.error).map((s) => [s.path, s]));
  for (const file of /* @__PURE__ */ new Set([...byFile.keys(), ...sources.keys()])) {
    const source = sources.get(file);
    let list = byFile.get(file) ?? [];
    if (source && source.doc.comments.length > 0) {
      const directives = parseDirectives(source.doc);
      const { kept, unused } = applyDirectives(list, directives);
      list = kept;
      if (directiveRule) {
        const severity = effectiveSeverity(directiveRule, void 0, env.settings[directiveRule.meta.id]);
        for (const directive of directives) {
          const unknown = (directive.rules ?? []).filter((r) => !known.has(r));
          if (unknown.length === 0) continue;
          list.push(
            diagnosticOf(directiveRule, severity, source, {
              range: directive.comment.range,
              messageId: "unknownRule",
              data: { kind: directive.kind, rules: unknown.map((r) => `'${r}'`).join(", ") }
            })
          );
        }
        if (env.reportUnusedDisableDirectives) {
          for (const { directive, rules: rules4 } of unused) {
            const named2 = rules4?.filter((r) => known.has(r));
            if (rules4 && named2?.length === 0) continue;
            list.push(
              diagnosticOf(directiveRule, severity, source, {
                range: directive.comment.range,
                messageId: "unused",
                data: {
                  kind: directive.kind,
                  what: named2 ? `no problem was reported from ${named2.map((r) => `'${r}'`).join(", ")}` : "no problem was reported",
                  target: directive.kind === "disable-next-line" && !directive.target ? "; no element follows it" : ""
                }
              })
            );
          }
        }
      }
    }
    const suppressions = source ? parseMetadataSuppressions(source.doc.root) : [];
    if (source && suppressions.length > 0) {
      const { kept, unused } = applyMetadataSuppressions(list, suppressions);
      list = kept;
      if (directiveRule) {
        const severity = effectiveSeverity(directiveRule, void 0, env.settings[directiveRule.meta.id]);
        for (const s of suppressions) {
          const unknown = (s.rules ?? []).filter((r) => !known.has(r));
          if (unknown.length > 0) {
            list.push(diagnosticOf(directiveRule, severity, source, { range: s.range, messageId: "unknownRuleMetadata", data: { rules: unknown.map((r) => `'${r}'`).join(", ") } }));
          }
        }
        if (env.reportUnusedDisableDirectives) {
          for (const { suppression: s, rules: rules4 } of unused) {
            const named2 = rules4?.filter((r) => known.has(r));
            if (rules4 && named2?.length === 0) continue;
            list.push(
              diagnosticOf(directiveRule, severity, source, {
                range: s.range,
                messageId: "unusedMetadata",
                data: {
                  what: named2 ? `no problem was reported from ${named2.map((r) => `'${r}'`).join(", ")}` : "no problem was reported",
                  target: s.targets !== void 0 && s.targets.length === 0 ? `; element '${s.element}' matches no element` : ""
                }
              })
            );
          }
        }
      }
    }
    for (const d of list) out.push(d);
  }
  return out;
}
function knownRuleIds(env) {
  return env.knownRuleIds ??= /* @__PURE__ */ new Set([...rules2.map((r) => r.meta.id), ...env.rules.map((r) => r.meta.id)]);
}

// src/engine/options.ts
function optionsProblem(schema, value, path3 = "") {
  if (schema === void 0) {
    if (value !== null && typeof value === "object" && Object.keys(value).length === 0) return void 0;
    return { key: path3, problem: "takes no options" };
  }
  const actual = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  if (schema.type) {
    const ok = schema.type === "integer" ? typeof value === "number" && Number.isInteger(value) : schema.type === "number" ? typeof value === "number" && Number.isFinite(value) : actual === schema.type;
    if (!ok) return { key: path3, problem: `must be ${schema.type === "integer" || schema.type === "array" || schema.type === "object" ? "an" : "a"} ${schema.type}, not ${actual === "object" ? "an object" : JSON.stringify(value)}` };
  }
  if (schema.enum && !schema.enum.includes(value)) return { key: path3, problem: `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}` };
  if (typeof value === "number") {
    if (schema.minimum !== void 0 && value < schema.minimum) return { key: path3, problem: `must be at least ${schema.minimum}` };
    if (schema.exclusiveMinimum !== void 0 && value <= schema.exclusiveMinimum) return { key: path3, problem: `must be more than ${schema.exclusiveMinimum}` };
    if (schema.maximum !== void 0 && value > schema.maximum) return { key: path3, problem: `must be at most ${schema.maximum}` };
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const p = optionsProblem(schema.items, value[i], `${path3}[${i}]`);
      if (p) return p;
    }
  }
  if (actual === "object" && (schema.properties || schema.additionalProperties === false)) {
    for (const [key, v] of Object.entries(value)) {
      const sub = schema.properties?.[key];
      const where = path3 ? `${path3}.${key}` : key;
      if (!sub) {
        if (schema.additionalProperties === false) {
          const known = Object.keys(schema.properties ?? {});
          return { key: where, problem: `no such option${known.length > 0 ? ` (options: ${known.join(", ")})` : ""}` };
        }
        continue;
      }
      const p = optionsProblem(sub, v, where);
      if (p) return p;
    }
  }
  return void 0;
}

// src/formats/github.ts
import path from "node:path";

// src/engine/paths.ts
import { isAbsolute, relative, resolve, sep } from "node:path";
function toPosixPath(p) {
  return sep === "/" ? p : p.split(sep).join("/");
}
function repoRelativePath(file, root, cwd) {
  const rel = relative(resolve(root), resolve(cwd, file));
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return void 0;
  return toPosixPath(rel);
}

// src/formats/neutralise.ts
var C0_OR_DEL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
var C1_OR_BIDI = /[\u0080-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
var BREAKS = /[\t\n\r\u2028\u2029]/g;
var LINE_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
function picture(c) {
  const code = c.charCodeAt(0);
  return code === 127 ? "\u2421" : String.fromCharCode(9216 + code);
}
function neutralise(s) {
  return s.replace(C0_OR_DEL, picture).replace(C1_OR_BIDI, "\uFFFD");
}
function neutraliseLine(s) {
  if (!LINE_UNSAFE.test(s)) return s;
  return neutralise(s).replace(BREAKS, (c) => c === "\u2028" || c === "\u2029" ? "\uFFFD" : picture(c));
}
function neutraliseResult(result, { withSources = true } = {}) {
  const file = memoised(neutraliseLine);
  const sources = /* @__PURE__ */ new Map();
  if (withSources) for (const [path3, text] of result.sources) sources.set(file(path3), neutralise(text));
  const diagnostics = result.diagnostics.map((d) => ({
    ...d,
    file: file(d.file),
    message: neutraliseLine(d.message),
    ...d.help !== void 0 ? { help: neutraliseLine(d.help) } : {},
    ...d.related ? { related: d.related.map((r) => ({ ...r, file: file(r.file), message: neutraliseLine(r.message) })) } : {},
    ...d.suggestions ? { suggestions: d.suggestions.map((s) => ({ ...s, message: neutraliseLine(s.message) })) } : {}
  }));
  return { ...result, diagnostics, sources, files: result.files.map(file) };
}
function memoised(f) {
  const seen = /* @__PURE__ */ new Map();
  return (s) => {
    let v = seen.get(s);
    if (v === void 0) seen.set(s, v = f(s));
    return v;
  };
}

// src/formats/github.ts
var COMMAND = { error: "error", warning: "warning", info: "notice" };
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function workflowCommand(name, properties, message) {
  const props = properties.filter(([, v]) => v !== void 0 && v !== "").map(([k, v]) => `${k}=${escapeProperty(neutralise(String(v)))}`);
  return `::${name}${props.length > 0 ? ` ${props.join(",")}` : ""}::${escapeData(neutralise(message))}`;
}
function annotationPath(file, root, cwd) {
  return repoRelativePath(file, root, cwd) ?? path.resolve(cwd, file);
}
function annotation(d, root, cwd) {
  return workflowCommand(
    COMMAND[d.severity],
    [
      ["file", annotationPath(d.file, root, cwd)],
      ["line", d.line],
      ["col", d.column],
      ["endLine", d.endLine],
      ["endColumn", d.endColumn],
      ["title", d.ruleId]
    ],
    d.message
  );
}
function formatGithub(result) {
  return result.diagnostics.map((d) => `${annotation(d, result.root, result.cwd)}
`).join("");
}

// src/formats/json.ts
init_summary();
function formatJson(result) {
  const report = {
    version: VERSION,
    files: [...result.files],
    diagnostics: result.diagnostics.map(diagnosticJson),
    summary: countFindings(result.diagnostics.filter((d) => !d.unchecked))
  };
  return `${JSON.stringify(report, null, 2)}
`;
}
function diagnosticJson(d) {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    ...d.messageId !== void 0 ? { messageId: d.messageId } : {},
    ...d.data ? { data: { ...d.data } } : {},
    message: d.message,
    ...d.help !== void 0 ? { help: d.help } : {},
    ...d.unchecked ? { unchecked: true } : {},
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    range: { start: d.range.start, end: d.range.end },
    ...d.related?.length ? { related: d.related.map((r) => ({ file: r.file, range: { start: r.range.start, end: r.range.end }, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message })) } : {},
    ...d.fix ? { fix: fixJson(d.fix) } : {},
    ...d.suggestions?.length ? { suggestions: d.suggestions.map((s) => ({ ...s.messageId !== void 0 ? { messageId: s.messageId } : {}, ...s.data ? { data: { ...s.data } } : {}, message: s.message, fix: fixJson(s.fix) })) } : {}
  };
}
function fixJson(fix) {
  return { range: [fix.range[0], fix.range[1]], text: fix.text };
}

// src/formats/sarif-location.ts
import path2 from "node:path";
import { pathToFileURL } from "node:url";
var SRCROOT = "%SRCROOT%";
function rootUri(root) {
  const href = pathToFileURL(path2.resolve(root)).href;
  return href.endsWith("/") ? href : `${href}/`;
}
function fileLocation(file, root, cwd) {
  const relative4 = repoRelativePath(file, root, cwd);
  if (relative4 === void 0) return { uri: pathToFileURL(path2.resolve(cwd, file)).href };
  return { uri: relative4.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}
var ArtifactTable = class {
  constructor(root, cwd) {
    this.root = root;
    this.cwd = cwd;
  }
  root;
  cwd;
  artifacts = [];
  indexByFile = /* @__PURE__ */ new Map();
  /** The file's location with its artifact index, adding the artifact on first sight. */
  location(file, roles) {
    let index = this.indexByFile.get(file);
    if (index === void 0) {
      index = this.artifacts.length;
      this.indexByFile.set(file, index);
      this.artifacts.push({ location: fileLocation(file, this.root, this.cwd), ...roles ? { roles } : {} });
    }
    return { ...this.artifacts[index].location, index };
  }
};
var RegionFinder = class {
  constructor(sources) {
    this.sources = sources;
  }
  sources;
  indexes = /* @__PURE__ */ new Map();
  /** A region for `[start, end)`; zero-width for an insertion point. */
  region(file, start, end) {
    const chars = { charOffset: start, charLength: end - start };
    const lines = this.lineIndex(file);
    if (!lines) return chars;
    const from = lines.position(start);
    const to = lines.position(end);
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column, ...chars };
  }
  lineIndex(file) {
    let index = this.indexes.get(file);
    if (!index) {
      const text = this.sources.get(file);
      if (text === void 0) return void 0;
      index = new LineIndex(text);
      this.indexes.set(file, index);
    }
    return index;
  }
};

// src/formats/sarif.ts
var SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var LEVEL = { error: "error", warning: "warning", info: "note" };
function buildSarifLog(result) {
  const artifacts = new ArtifactTable(result.root, result.cwd);
  for (const file of result.files) artifacts.location(file, ["analysisTarget"]);
  const regions2 = new RegionFinder(result.sources);
  const ruleIndex = new Map(result.rules.map((doc, i) => [doc.meta.id, i]));
  const results = result.diagnostics.map((d) => {
    const index = ruleIndex.get(d.ruleId);
    const artifactLocation = artifacts.location(d.file);
    const fixes = fixesOf(d).map(({ description, fix }) => ({
      description: { text: description },
      artifactChanges: [
        {
          artifactLocation,
          replacements: [
            {
              deletedRegion: regions2.region(d.file, fix.range[0], fix.range[1]),
              // A pure deletion has no inserted content.
              ...fix.text ? { insertedContent: { text: fix.text } } : {}
            }
          ]
        }
      ]
    }));
    return {
      ruleId: d.ruleId,
      // A diagnostic from a rule that was not run (none today) simply carries no index.
      ...index !== void 0 ? { ruleIndex: index } : {},
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: {
              startLine: d.line,
              startColumn: d.column,
              endLine: d.endLine,
              endColumn: d.endColumn,
              charOffset: d.range.start,
              charLength: d.range.end - d.range.start
            }
          }
        }
      ],
      ...d.related?.length ? {
        relatedLocations: d.related.map((r, i) => ({
          id: i,
          message: { text: r.message },
          physicalLocation: {
            artifactLocation: artifacts.location(r.file),
            region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn, charOffset: r.range.start, charLength: r.range.end - r.range.start }
          }
        }))
      } : {},
      ...fixes.length > 0 ? { fixes } : {},
      ...d.messageId !== void 0 || d.help !== void 0 ? { properties: { ...d.messageId !== void 0 ? { messageId: d.messageId } : {}, ...d.help !== void 0 ? { help: d.help } : {} } } : {}
    };
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "kvmlint",
            version: VERSION,
            informationUri: HOMEPAGE,
            rules: result.rules.map(ruleDescriptor)
          }
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(result.root) } },
        artifacts: artifacts.artifacts,
        invocations: [{ executionSuccessful: result.executionSuccessful }],
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
}
function formatSarif(result) {
  return `${JSON.stringify(buildSarifLog(result), null, 2)}
`;
}
function ruleDescriptor(doc) {
  const { meta } = doc;
  return {
    id: meta.id,
    name: pascalCase(meta.name),
    shortDescription: { text: meta.summary },
    fullDescription: { text: doc.fullDescription },
    help: { text: doc.helpText, markdown: doc.helpMarkdown },
    helpUri: doc.helpUri,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: [...meta.tags] }
  };
}
function pascalCase(name) {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join("");
}
function fixesOf(d) {
  const fixes = d.fix ? [{ description: `Safe fix (applied by kvmlint --fix): ${d.help ?? d.message}`, fix: d.fix }] : [];
  for (const s of d.suggestions ?? []) fixes.push({ description: s.message, fix: s.fix });
  return fixes;
}

// src/formats/compact.ts
init_summary();
function formatCompact(result) {
  let out = "";
  for (const d of result.diagnostics) {
    if (d.unchecked) continue;
    out += `${shownPath(d.file)}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]
`;
  }
  return out;
}

// src/formats/index.ts
init_stylish();
var FORMATTERS = {
  text: (result, opts) => formatStylish(neutraliseResult(result, { withSources: false }), opts),
  codeframe: (result, opts) => codeframeFormat().formatCodeframe(neutraliseResult(result), opts),
  compact: (result) => formatCompact(neutraliseResult(result, { withSources: false })),
  json: (result) => formatJson(result),
  sarif: (result) => formatSarif(result),
  github: (result) => formatGithub(result)
};
var FORMATS = ["text", "codeframe", "compact", "json", "sarif", "github"];
var codeframeModule;
function codeframeFormat() {
  if (!codeframeModule) throw new Error("the codeframe format was not prepared (prepareFormat)");
  return codeframeModule;
}
function provideCodeframeFormat(module) {
  codeframeModule = module;
}
function formatResult(name, result, opts) {
  return FORMATTERS[name](result, opts);
}

// src/api.ts
init_text();
function lintPlan(input) {
  const settings = {};
  const ruleOptions = {};
  const known = new Set(rules2.map((r) => r.meta.id));
  for (const [id, setting] of Object.entries(input.rules ?? {})) {
    if (!known.has(id)) throw new Error(`unknown rule '${id}'`);
    const [level, options] = Array.isArray(setting) ? setting : [setting];
    settings[id] = level;
    if (options) {
      const problem = optionsProblem(rules2.find((r) => r.meta.id === id).meta.schema, options);
      if (problem) throw new Error(`rule '${id}' ${problem.key ? `option '${problem.key}': ${problem.problem}` : problem.problem}`);
      ruleOptions[id] = options;
    }
  }
  const env = planEnvironment(rules2, settings, ruleOptions);
  env.reportUnusedDisableDirectives = input.reportUnusedDisableDirectives ?? false;
  const host = input.host ? hostOf(input.host, input.housekeeping) : void 0;
  const files = input.domains.map((d) => ({ source: sourceFromText(d.path, d.text), explicit: true }));
  const outcome = lintPlanSources(host, files, env);
  const sources = /* @__PURE__ */ new Map();
  for (const s of outcome.linted) sources.set(s.path, s.text);
  if (host) sources.set(host.path, host.text);
  const diagnostics = [...outcome.diagnostics].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return {
    diagnostics,
    files: [...outcome.linted.map((s) => s.path), ...host ? [host.path] : []],
    sources,
    rules: env.rules.map(ruleDoc),
    root: input.root ?? process.cwd(),
    cwd: process.cwd(),
    executionSuccessful: env.ruleFailures.length === 0,
    ruleFailures: env.ruleFailures
  };
}
function hostOf(input, housekeeping) {
  const path3 = input.path ?? "host.json";
  const text = "text" in input ? input.text : `${JSON.stringify(input.snapshot, null, 2)}
`;
  const snapshot = "text" in input ? loadHostText(text, path3) : loadHostSnapshotText(text, path3);
  let housekeepingOverride;
  if (housekeeping !== void 0) {
    const parsed = parseKernelCpuList(housekeeping);
    if (!parsed.ok) throw new Error(`housekeeping '${housekeeping}': ${parsed.error}`);
    housekeepingOverride = parsed.value;
  }
  return { model: buildHostModel(snapshot, { name: path3, housekeepingOverride }), path: path3, text, lines: new LineIndex(text) };
}
provideCodeframeFormat(text_exports);
function format(result, name = "text", options = {}) {
  return formatResult(name, result, { color: options.color ?? false, ...options.width !== void 0 ? { width: options.width } : {} });
}
var formats = FORMATS;
var rules3 = rules2.map((r) => r.meta);
export {
  format,
  formats,
  lintPlan,
  rules3 as rules
};
