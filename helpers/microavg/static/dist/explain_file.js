// Built by tools/bundle.mjs from static/explain_file.js: do not edit.
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
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

// ../../../node_modules/papaparse/papaparse.min.js
var require_papaparse_min = __commonJS({
  "../../../node_modules/papaparse/papaparse.min.js"(exports, module) {
    ((e, t) => {
      false ? (void 0)([], t) : "object" == typeof module && "undefined" != typeof exports ? module.exports = t() : e.Papa = t();
    })(exports, function r() {
      var n = "undefined" != typeof self ? self : "undefined" != typeof window ? window : void 0 !== n ? n : {};
      var s = !n.document && !!n.postMessage, a = n.IS_PAPA_WORKER || false, o = {}, h = 0, w = {};
      function q(e) {
        return 65279 === e.charCodeAt(0) ? e.slice(1) : e;
      }
      function u(e) {
        this._handle = null, this._finished = false, this._completed = false, this._halted = false, this._input = null, this._baseIndex = 0, this._partialLine = "", this._rowCount = 0, this._start = 0, this._nextChunk = null, this.isFirstChunk = true, this._completeResults = { data: [], errors: [], meta: {} }, function(e2) {
          var t = E(e2);
          t.chunkSize = parseInt(t.chunkSize), e2.step || e2.chunk || (t.chunkSize = null);
          this._handle = new i(t), (this._handle.streamer = this)._config = t;
        }.call(this, e), this.parseChunk = function(t, e2) {
          var i2 = parseInt(this._config.skipFirstNLines) || 0;
          if (this.isFirstChunk && 0 < i2) {
            let e3 = this._config.newline;
            e3 || (r2 = this._config.quoteChar || '"', e3 = this._handle.guessLineEndings(t, r2)), t = [...t.split(e3).slice(i2)].join(e3);
          }
          this.isFirstChunk && U(this._config.beforeFirstChunk) && void 0 !== (r2 = this._config.beforeFirstChunk(t)) && (t = r2), this.isFirstChunk = false, this._halted = false;
          var i2 = this._partialLine + t, r2 = (this._partialLine = "", this._handle.parse(i2, this._baseIndex, !this._finished));
          if (!this._handle.paused() && !this._handle.aborted()) {
            t = r2.meta.cursor, i2 = (this._finished || (this._partialLine = i2.substring(t - this._baseIndex), this._baseIndex = t), r2 && r2.data && (this._rowCount += r2.data.length), this._finished || this._config.preview && this._rowCount >= this._config.preview);
            if (a) n.postMessage({ results: r2, workerId: w.WORKER_ID, finished: i2 });
            else if (U(this._config.chunk) && !e2) {
              if (this._config.chunk(r2, this._handle), this._handle.paused() || this._handle.aborted()) return void (this._halted = true);
              this._completeResults = r2 = void 0;
            }
            return this._config.step || this._config.chunk || (this._completeResults.data = this._completeResults.data.concat(r2.data), this._completeResults.errors = this._completeResults.errors.concat(r2.errors), this._completeResults.meta = r2.meta), this._completed || !i2 || !U(this._config.complete) || r2 && r2.meta.aborted || (this._config.complete(this._completeResults, this._input), this._completed = true), i2 || r2 && r2.meta.paused || this._nextChunk(), r2;
          }
          this._halted = true;
        }, this._sendError = function(e2) {
          U(this._config.error) ? this._config.error(e2) : a && this._config.error && n.postMessage({ workerId: w.WORKER_ID, error: e2, finished: false });
        };
      }
      function d(e) {
        var r2;
        (e = e || {}).chunkSize || (e.chunkSize = w.RemoteChunkSize), u.call(this, e), this._nextChunk = s ? function() {
          this._readChunk(), this._chunkLoaded();
        } : function() {
          this._readChunk();
        }, this.stream = function(e2) {
          this._input = e2, this._nextChunk();
        }, this._readChunk = function() {
          if (this._finished) this._chunkLoaded();
          else {
            if (r2 = new XMLHttpRequest(), this._config.withCredentials && (r2.withCredentials = this._config.withCredentials), s || (r2.onload = m(this._chunkLoaded, this), r2.onerror = m(this._chunkError, this)), r2.ontimeout = m(this._chunkTimeout, this), r2.open(this._config.downloadRequestBody ? "POST" : "GET", this._input, !s), this._config.downloadTimeout && !s && (r2.timeout = this._config.downloadTimeout), this._config.downloadRequestHeaders) {
              var e2, t = this._config.downloadRequestHeaders;
              for (e2 in t) r2.setRequestHeader(e2, t[e2]);
            }
            var i2;
            this._config.chunkSize && (i2 = this._start + this._config.chunkSize - 1, r2.setRequestHeader("Range", "bytes=" + this._start + "-" + i2));
            try {
              r2.send(this._config.downloadRequestBody);
            } catch (e3) {
              this._chunkError(e3.message);
            }
            s && 0 === r2.status && this._chunkError();
          }
        }, this._chunkLoaded = function() {
          4 === r2.readyState && (r2.status < 200 || 400 <= r2.status ? this._chunkError() : (this._start += this._config.chunkSize || r2.responseText.length, this._finished = !this._config.chunkSize || this._start >= ((e2) => null !== (e2 = e2.getResponseHeader("Content-Range")) ? parseInt(e2.substring(e2.lastIndexOf("/") + 1)) : -1)(r2), this.parseChunk(r2.responseText)));
        }, this._chunkError = function(e2) {
          e2 = r2.statusText || e2;
          this._sendError(new Error(e2));
        }, this._chunkTimeout = function() {
          this._chunkError("Request timed out after " + this._config.downloadTimeout + "ms");
        };
      }
      function l(e) {
        (e = e || {}).chunkSize || (e.chunkSize = w.LocalChunkSize), u.call(this, e);
        var i2, r2, n2 = "undefined" != typeof FileReader;
        this.stream = function(e2) {
          this._input = e2, r2 = e2.slice || e2.webkitSlice || e2.mozSlice, n2 ? ((i2 = new FileReader()).onload = m(this._chunkLoaded, this), i2.onerror = m(this._chunkError, this)) : i2 = new FileReaderSync(), this._nextChunk();
        }, this._nextChunk = function() {
          this._finished || this._config.preview && !(this._rowCount < this._config.preview) || this._readChunk();
        }, this._readChunk = function() {
          var e2 = this._input, t = (this._config.chunkSize && (t = Math.min(this._start + this._config.chunkSize, this._input.size), e2 = r2.call(e2, this._start, t)), i2.readAsText(e2, this._config.encoding));
          n2 || this._chunkLoaded({ target: { result: t } });
        }, this._chunkLoaded = function(e2) {
          this._start += this._config.chunkSize, this._finished = !this._config.chunkSize || this._start >= this._input.size, this.parseChunk(e2.target.result);
        }, this._chunkError = function() {
          this._sendError(i2.error);
        };
      }
      function f(e) {
        var i2;
        u.call(this, e = e || {}), this.stream = function(e2) {
          return i2 = e2, this._nextChunk();
        }, this._nextChunk = function() {
          var e2, t;
          if (!this._finished) return e2 = this._config.chunkSize, i2 = e2 ? (t = i2.substring(0, e2), i2.substring(e2)) : (t = i2, ""), this._finished = !i2, this.parseChunk(t);
        };
      }
      function c(e) {
        u.call(this, e = e || {});
        var t = [], i2 = true, r2 = false;
        this.pause = function() {
          u.prototype.pause.apply(this, arguments), this._input.pause();
        }, this.resume = function() {
          u.prototype.resume.apply(this, arguments), this._input.resume();
        }, this.stream = function(e2) {
          this._input = e2, this._input.on("data", this._streamData), this._input.on("end", this._streamEnd), this._input.on("error", this._streamError);
        }, this._checkIsFinished = function() {
          r2 && 1 === t.length && (this._finished = true);
        }, this._nextChunk = function() {
          this._checkIsFinished(), t.length ? this.parseChunk(t.shift()) : i2 = true;
        }, this._streamData = m(function(e2) {
          try {
            t.push("string" == typeof e2 ? e2 : e2.toString(this._config.encoding)), i2 && (i2 = false, this._checkIsFinished(), this.parseChunk(t.shift()));
          } catch (e3) {
            this._streamError(e3);
          }
        }, this), this._streamError = m(function(e2) {
          this._streamCleanUp(), this._sendError(e2);
        }, this), this._streamEnd = m(function() {
          this._streamCleanUp(), r2 = true, this._streamData("");
        }, this), this._streamCleanUp = m(function() {
          this._input.removeListener("data", this._streamData), this._input.removeListener("end", this._streamEnd), this._input.removeListener("error", this._streamError);
        }, this);
      }
      function i(m2) {
        var n2, s2, a2, t, o2 = Math.pow(2, 53), h2 = -o2, u2 = /^\s*-?(\d+\.?|\.\d+|\d+\.\d+)([eE][-+]?\d+)?\s*$/, d2 = /^((\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d+([+-][0-2]\d:[0-5]\d|Z))|(\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d([+-][0-2]\d:[0-5]\d|Z))|(\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d([+-][0-2]\d:[0-5]\d|Z)))$/, i2 = this, r2 = 0, l2 = 0, f2 = false, e = false, c2 = [], p2 = { data: [], errors: [], meta: {} };
        function y(e2) {
          return "greedy" === m2.skipEmptyLines ? "" === e2.join("").trim() : 1 === e2.length && 0 === e2[0].length;
        }
        function _2() {
          if (p2 && a2 && (k("Delimiter", "UndetectableDelimiter", "Unable to auto-detect delimiting character; defaulted to '" + w.DefaultDelimiter + "'"), a2 = false), m2.skipEmptyLines && (p2.data = p2.data.filter(function(e3) {
            return !y(e3);
          })), g2()) {
            let t3 = function(e3) {
              c2.push(e3);
            };
            var t2 = t3;
            if (p2) if (Array.isArray(p2.data[0])) {
              for (var e2 = 0; g2() && e2 < p2.data.length; e2++) p2.data[e2].forEach(t3);
              p2.data.splice(0, 1);
            } else p2.data.forEach(t3);
          }
          function i3(e3, t3) {
            for (var i4 = m2.header ? {} : [], r4 = 0; r4 < e3.length; r4++) {
              var n3 = r4, s3 = e3[r4], s3 = ((e4, t4) => ((e5) => (m2.dynamicTypingFunction && void 0 === m2.dynamicTyping[e5] && (m2.dynamicTyping[e5] = m2.dynamicTypingFunction(e5)), true === (m2.dynamicTyping[e5] || m2.dynamicTyping)))(e4) ? "true" === t4 || "TRUE" === t4 || "false" !== t4 && "FALSE" !== t4 && (((e5) => {
                if (u2.test(e5)) {
                  e5 = parseFloat(e5);
                  if (h2 < e5 && e5 < o2) return 1;
                }
              })(t4) ? parseFloat(t4) : d2.test(t4) ? new Date(t4) : "" === t4 ? null : t4) : t4)(n3 = m2.header ? r4 >= c2.length ? "__parsed_extra" : c2[r4] : n3, s3 = m2.transform ? m2.transform(s3, n3) : s3);
              "__parsed_extra" === n3 ? (i4[n3] = i4[n3] || [], i4[n3].push(s3)) : i4[n3] = s3;
            }
            return m2.header && (r4 > c2.length ? k("FieldMismatch", "TooManyFields", "Too many fields: expected " + c2.length + " fields but parsed " + r4, l2 + t3) : r4 < c2.length && k("FieldMismatch", "TooFewFields", "Too few fields: expected " + c2.length + " fields but parsed " + r4, l2 + t3)), i4;
          }
          var r3;
          p2 && (m2.header || m2.dynamicTyping || m2.transform) && (r3 = 1, !p2.data.length || Array.isArray(p2.data[0]) ? (p2.data = p2.data.map(i3), r3 = p2.data.length) : p2.data = i3(p2.data, 0), m2.header && p2.meta && (p2.meta.fields = c2), l2 += r3);
        }
        function g2() {
          return m2.header && 0 === c2.length;
        }
        function k(e2, t2, i3, r3) {
          e2 = { type: e2, code: t2, message: i3 };
          void 0 !== r3 && (e2.row = r3), p2.errors.push(e2);
        }
        U(m2.step) && (t = m2.step, m2.step = function(e2) {
          p2 = e2, g2() ? _2() : (_2(), 0 !== p2.data.length && (r2 += e2.data.length, m2.preview && r2 > m2.preview ? s2.abort() : (p2.data = p2.data[0], t(p2, i2))));
        }), this.parse = function(e2, t2, i3) {
          var r3 = m2.quoteChar || '"', r3 = (m2.newline || (m2.newline = this.guessLineEndings(e2, r3)), a2 = false, m2.delimiter ? U(m2.delimiter) && (m2.delimiter = m2.delimiter(e2), p2.meta.delimiter = m2.delimiter) : ((r3 = ((e3, t3, i4, r4, n3) => {
            var s3, a3, o3, h3;
            n3 = n3 || [",", "	", "|", ";", w.RECORD_SEP, w.UNIT_SEP];
            for (var u3 = 0; u3 < n3.length; u3++) {
              for (var d3, l3 = n3[u3], f3 = 0, c3 = 0, p3 = 0, _3 = (o3 = void 0, new b({ comments: r4, delimiter: l3, newline: t3, preview: 10 }).parse(e3)), g3 = 0; g3 < _3.data.length; g3++) i4 && y(_3.data[g3]) ? p3++ : (d3 = _3.data[g3].length, c3 += d3, void 0 === o3 ? o3 = d3 : 0 < d3 && (f3 += Math.abs(d3 - o3), o3 = d3));
              0 < _3.data.length && (c3 /= _3.data.length - p3), 1.99 < c3 && (void 0 === a3 || f3 < a3 || f3 === a3 && h3 < c3) && (a3 = f3, s3 = l3, h3 = c3);
            }
            return { successful: !!(m2.delimiter = s3), bestDelimiter: s3 };
          })(e2, m2.newline, m2.skipEmptyLines, m2.comments, m2.delimitersToGuess)).successful ? m2.delimiter = r3.bestDelimiter : (a2 = true, m2.delimiter = w.DefaultDelimiter), p2.meta.delimiter = m2.delimiter), E(m2));
          return r3.header = g2(), m2.preview && m2.header && r3.preview++, n2 = e2, s2 = new b(r3), p2 = s2.parse(n2, t2, i3), _2(), f2 ? { meta: { paused: true } } : p2 || { meta: { paused: false } };
        }, this.paused = function() {
          return f2;
        }, this.pause = function() {
          f2 = true, s2.abort(), n2 = U(m2.chunk) ? "" : n2.substring(s2.getCharIndex());
        }, this.resume = function() {
          i2.streamer._halted ? (f2 = false, i2.streamer.parseChunk(n2, true)) : setTimeout(i2.resume, 3);
        }, this.aborted = function() {
          return e;
        }, this.abort = function() {
          e = true, s2.abort(), p2.meta.aborted = true, U(m2.complete) && m2.complete(p2), n2 = "";
        }, this.guessLineEndings = function(e2, t2) {
          e2 = e2.substring(0, 1048576);
          var t2 = new RegExp(P(t2) + "([^]*?)" + P(t2), "gm"), i3 = (e2 = e2.replace(t2, "")).split("\r"), t2 = e2.split("\n"), e2 = 1 < t2.length && t2[0].length < i3[0].length;
          if (1 === i3.length || e2) return "\n";
          for (var r3 = 0, n3 = 0; n3 < i3.length; n3++) "\n" === i3[n3][0] && r3++;
          return r3 >= i3.length / 2 ? "\r\n" : "\r";
        };
      }
      function P(e) {
        return e.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }
      function b(C) {
        var S = (C = C || {}).delimiter, O = C.newline, x = C.comments, T = C.step, I = C.preview, A = C.fastMode, D = null, L = false, F = null == C.quoteChar ? '"' : C.quoteChar, z = F;
        if (void 0 !== C.escapeChar && (z = C.escapeChar), ("string" != typeof S || -1 < w.BAD_DELIMITERS.indexOf(S)) && (S = ","), x === S) throw new Error("Comment character same as delimiter");
        true === x ? x = "#" : ("string" != typeof x || -1 < w.BAD_DELIMITERS.indexOf(x)) && (x = false), "\n" !== O && "\r" !== O && "\r\n" !== O && (O = "\n");
        var M = 0, j = false;
        this.parse = function(i2, t, r2) {
          if ("string" != typeof i2) throw new Error("Input must be a string");
          var n2 = i2.length, e = S.length, s2 = O.length, a2 = x.length, o2 = U(T), h2 = [], u2 = [], d2 = [], l2 = M = 0;
          if (!i2) return v();
          if (A || false !== A && -1 === i2.indexOf(F)) {
            for (var f2 = i2.split(O), c2 = 0; c2 < f2.length; c2++) {
              if (d2 = f2[c2], M += d2.length, c2 !== f2.length - 1) M += O.length;
              else if (r2) return v();
              if (!x || d2.substring(0, a2) !== x) {
                if (o2) {
                  if (h2 = [], k(d2.split(S)), R(), j) return v();
                } else k(d2.split(S));
                if (I && I <= c2) return h2 = h2.slice(0, I), v(true);
              }
            }
            return v();
          }
          for (var p2 = i2.indexOf(S, M), _2 = i2.indexOf(O, M), g2 = new RegExp(P(z) + P(F), "g"), m2 = i2.indexOf(F, M); ; ) if (i2[M] === F) for (m2 = M, M++; ; ) {
            if (-1 === (m2 = i2.indexOf(F, m2 + 1))) return r2 || u2.push({ type: "Quotes", code: "MissingQuotes", message: "Quoted field unterminated", row: h2.length, index: M }), b2();
            if (m2 === n2 - 1) return b2(i2.substring(M, m2).replace(g2, F));
            if (F === z && i2[m2 + 1] === z) m2++;
            else if (F === z || 0 === m2 || i2[m2 - 1] !== z) {
              -1 !== p2 && p2 < m2 + 1 && (p2 = i2.indexOf(S, m2 + 1));
              var y = w2(-1 === (_2 = -1 !== _2 && _2 < m2 + 1 ? i2.indexOf(O, m2 + 1) : _2) ? p2 : Math.min(p2, _2));
              if (i2.substr(m2 + 1 + y, e) === S) {
                d2.push(i2.substring(M, m2).replace(g2, F)), i2[M = m2 + 1 + y + e] !== F && (m2 = i2.indexOf(F, M)), -1 !== p2 && p2 < M && (p2 = i2.indexOf(S, M)), -1 !== _2 && _2 < M && (_2 = i2.indexOf(O, M));
                break;
              }
              y = w2(_2);
              if (i2.substring(m2 + 1 + y, m2 + 1 + y + s2) === O) {
                if (d2.push(i2.substring(M, m2).replace(g2, F)), E2(m2 + 1 + y + s2), -1 !== p2 && p2 < M && (p2 = i2.indexOf(S, M)), m2 = i2.indexOf(F, M), o2 && (R(), j)) return v();
                if (I && h2.length >= I) return v(true);
                break;
              }
              u2.push({ type: "Quotes", code: "InvalidQuotes", message: "Trailing quote on quoted field is malformed", row: h2.length, index: M }), m2++;
            }
          }
          else if (x && 0 === d2.length && i2.substring(M, M + a2) === x) {
            if (-1 === _2) return v();
            M = _2 + s2, _2 = i2.indexOf(O, M), -1 !== p2 && p2 < M && (p2 = i2.indexOf(S, M));
          } else if (-1 !== p2 && (p2 < _2 || -1 === _2)) d2.push(i2.substring(M, p2)), M = p2 + e, p2 = i2.indexOf(S, M);
          else {
            if (-1 === _2) break;
            if (d2.push(i2.substring(M, _2)), E2(_2 + s2), o2 && (R(), j)) return v();
            if (I && h2.length >= I) return v(true);
          }
          return b2();
          function k(e2) {
            h2.push(e2), l2 = M;
          }
          function w2(e2) {
            var t2 = 0;
            return t2 = -1 !== e2 && (e2 = i2.substring(m2 + 1, e2)) && "" === e2.trim() ? e2.length : t2;
          }
          function b2(e2) {
            return r2 || (void 0 === e2 && (e2 = i2.substring(M)), d2.push(e2), M = n2, k(d2), o2 && R()), v();
          }
          function E2(e2) {
            M = e2, k(d2), d2 = [], _2 = i2.indexOf(O, M);
          }
          function v(e2) {
            if (C.header && !t && h2.length && !L) {
              var s3 = h2[0], a3 = /* @__PURE__ */ Object.create(null), o3 = new Set(s3);
              let n3 = false;
              for (let r3 = 0; r3 < s3.length; r3++) {
                let i3 = q(s3[r3]);
                if (a3[i3 = U(C.transformHeader) ? C.transformHeader(i3, r3) : i3]) {
                  let e3, t2 = a3[i3];
                  for (; e3 = i3 + "_" + t2, t2++, o3.has(e3); ) ;
                  o3.add(e3), s3[r3] = e3, a3[i3]++, n3 = true, (D = null === D ? {} : D)[e3] = i3;
                } else a3[i3] = 1, s3[r3] = i3;
                o3.add(i3);
              }
              n3 && console.warn("Duplicate headers found and renamed."), L = true;
            }
            return { data: h2, errors: u2, meta: { delimiter: S, linebreak: O, aborted: j, truncated: !!e2, cursor: l2 + (t || 0), renamedHeaders: D } };
          }
          function R() {
            T(v()), h2 = [], u2 = [];
          }
        }, this.abort = function() {
          j = true;
        }, this.getCharIndex = function() {
          return M;
        };
      }
      function p(e) {
        var t = e.data, i2 = o[t.workerId], r2 = false;
        if (t.error) i2.userError(t.error, t.file);
        else if (t.results && t.results.data) {
          var n2 = { abort: function() {
            r2 = true, _(t.workerId, { data: [], errors: [], meta: { aborted: true } });
          }, pause: g, resume: g };
          if (U(i2.userStep)) {
            for (var s2 = 0; s2 < t.results.data.length && (i2.userStep({ data: t.results.data[s2], errors: t.results.errors, meta: t.results.meta }, n2), !r2); s2++) ;
            delete t.results;
          } else U(i2.userChunk) && (i2.userChunk(t.results, n2, t.file), delete t.results);
        }
        t.finished && !r2 && _(t.workerId, t.results);
      }
      function _(e, t) {
        var i2 = o[e];
        U(i2.userComplete) && i2.userComplete(t), i2.terminate(), delete o[e];
      }
      function g() {
        throw new Error("Not implemented.");
      }
      function E(e) {
        if ("object" != typeof e || null === e) return e;
        var t, i2 = Array.isArray(e) ? [] : {};
        for (t in e) i2[t] = E(e[t]);
        return i2;
      }
      function m(e, t) {
        return function() {
          e.apply(t, arguments);
        };
      }
      function U(e) {
        return "function" == typeof e;
      }
      return w.parse = function(e, t) {
        var i2 = (t = t || {}).dynamicTyping || false;
        U(i2) && (t.dynamicTypingFunction = i2, i2 = {});
        if (t.dynamicTyping = i2, t.transform = !!U(t.transform) && t.transform, void 0 !== t.downloadTimeout) {
          var i2 = parseInt(t.downloadTimeout);
          if (isNaN(i2)) throw new Error("Config downloadTimeout value (" + t.downloadTimeout + ") not parsable by parseInt(val).");
          t.downloadTimeout = i2;
        }
        if (!t.worker || !w.WORKERS_SUPPORTED) return i2 = null, w.NODE_STREAM_INPUT, "string" == typeof e ? (e = q(e), i2 = new (t.download ? d : f)(t)) : true === e.readable && U(e.read) && U(e.on) ? i2 = new c(t) : (n.File && e instanceof File || e instanceof Object) && (i2 = new l(t)), i2.stream(e);
        (i2 = (() => {
          var e2;
          return !!w.WORKERS_SUPPORTED && (e2 = (() => {
            var e3 = n.URL || n.webkitURL || null, t2 = r.toString();
            return w.BLOB_URL || (w.BLOB_URL = e3.createObjectURL(new Blob(["var global = (function() { if (typeof self !== 'undefined') { return self; } if (typeof window !== 'undefined') { return window; } if (typeof global !== 'undefined') { return global; } return {}; })(); global.IS_PAPA_WORKER=true; ", "(", t2, ")();"], { type: "text/javascript" })));
          })(), (e2 = new n.Worker(e2)).onmessage = p, e2.id = h++, o[e2.id] = e2);
        })()).userStep = t.step, i2.userChunk = t.chunk, i2.userComplete = t.complete, i2.userError = t.error, t.step = U(t.step), t.chunk = U(t.chunk), t.complete = U(t.complete), t.error = U(t.error), delete t.worker, i2.postMessage({ input: e, config: t, workerId: i2.id });
      }, w.unparse = function(e, t) {
        var s2 = false, g2 = true, m2 = ",", y = "\r\n", a2 = '"', o2 = a2 + a2, i2 = false, r2 = null, h2 = false, u2 = ((() => {
          if ("object" == typeof t) {
            if ("string" != typeof t.delimiter || w.BAD_DELIMITERS.filter(function(e2) {
              return -1 !== t.delimiter.indexOf(e2);
            }).length || (m2 = t.delimiter), "boolean" != typeof t.quotes && "function" != typeof t.quotes && !Array.isArray(t.quotes) || (s2 = t.quotes), "boolean" != typeof t.skipEmptyLines && "string" != typeof t.skipEmptyLines || (i2 = t.skipEmptyLines), "string" == typeof t.newline && (y = t.newline), "string" == typeof t.quoteChar && (a2 = t.quoteChar, o2 = a2 + a2), "boolean" == typeof t.header && (g2 = t.header), Array.isArray(t.columns)) {
              if (0 === t.columns.length) throw new Error("Option columns is empty");
              r2 = t.columns;
            }
            void 0 !== t.escapeChar && (o2 = t.escapeChar + a2), t.escapeFormulae instanceof RegExp ? h2 = t.escapeFormulae : "boolean" == typeof t.escapeFormulae && t.escapeFormulae && (h2 = /^[=+\-@\t\r].*$/);
          }
        })(), new RegExp(P(a2), "g"));
        "string" == typeof e && (e = JSON.parse(e));
        if (Array.isArray(e)) {
          if (!e.length) return n2(r2, e, i2);
          if (Array.isArray(e[0])) return n2(null, e, i2);
          if ("object" == typeof e[0]) return n2(r2 || Object.keys(e[0]), e, i2);
        } else if ("object" == typeof e) return "string" == typeof e.data && (e.data = JSON.parse(e.data)), Array.isArray(e.data) && (e.fields || (e.fields = e.meta && e.meta.fields || r2), e.fields || (e.fields = Array.isArray(e.data[0]) ? e.fields : "object" == typeof e.data[0] ? Object.keys(e.data[0]) : []), Array.isArray(e.data[0]) || "object" == typeof e.data[0] || (e.data = [e.data])), n2(e.fields || [], e.data || [], i2);
        throw new Error("Unable to serialize unrecognized input");
        function n2(e2, t2, i3) {
          var r3 = "", n3 = ("string" == typeof e2 && (e2 = JSON.parse(e2)), "string" == typeof t2 && (t2 = JSON.parse(t2)), Array.isArray(e2) && 0 < e2.length), s3 = !Array.isArray(t2[0]);
          if (n3 && g2) {
            for (var a3 = 0; a3 < e2.length; a3++) 0 < a3 && (r3 += m2), r3 += k(e2[a3], a3);
            0 < t2.length && (r3 += y);
          }
          for (var o3 = 0; o3 < t2.length; o3++) {
            var h3 = (n3 ? e2 : t2[o3]).length, u3 = false, d2 = n3 ? 0 === Object.keys(t2[o3]).length : 0 === t2[o3].length;
            if (i3 && !n3 && (u3 = "greedy" === i3 ? "" === t2[o3].join("").trim() : 1 === t2[o3].length && (null == t2[o3][0] || 0 === t2[o3][0].length)), "greedy" === i3 && n3) {
              for (var l2 = [], f2 = 0; f2 < h3; f2++) {
                var c2 = s3 ? e2[f2] : f2;
                l2.push(t2[o3][c2]);
              }
              u3 = "" === l2.join("").trim();
            }
            if (!u3) {
              for (var p2 = 0; p2 < h3; p2++) {
                0 < p2 && !d2 && (r3 += m2);
                var _2 = n3 && s3 ? e2[p2] : p2;
                r3 += k(t2[o3][_2], p2);
              }
              o3 < t2.length - 1 && (!i3 || 0 < h3 && !d2) && (r3 += y);
            }
          }
          return r3;
        }
        function k(e2, t2) {
          var i3, r3, n3;
          return null == e2 ? "" : e2.constructor === Date ? isNaN(e2.getTime()) ? "" : e2.toISOString() : (n3 = false, i3 = e2.toString(), h2 && "number" != typeof e2 && "bigint" != typeof e2 && "boolean" != typeof e2 && h2.test(i3) && (e2 = i3 = "'" + i3, n3 = true), r3 = i3.replace(u2, o2), (n3 = n3 || true === s2 || "function" == typeof s2 && s2(e2, t2) || Array.isArray(s2) && s2[t2] || ((e3, t3) => {
            for (var i4 = 0; i4 < t3.length; i4++) if (-1 < e3.indexOf(t3[i4])) return true;
            return false;
          })(r3, w.BAD_DELIMITERS) || -1 < r3.indexOf(m2) || -1 < i3.indexOf(a2) || " " === r3.charAt(0) || " " === r3.charAt(r3.length - 1)) ? a2 + r3 + a2 : r3);
        }
      }, w.RECORD_SEP = String.fromCharCode(30), w.UNIT_SEP = String.fromCharCode(31), w.BYTE_ORDER_MARK = "\uFEFF", w.BAD_DELIMITERS = ["\r", "\n", '"', w.BYTE_ORDER_MARK], w.WORKERS_SUPPORTED = !s && !!n.Worker, w.NODE_STREAM_INPUT = 1, w.LocalChunkSize = 10485760, w.RemoteChunkSize = 5242880, w.DefaultDelimiter = ",", w.Parser = b, w.ParserHandle = i, w.NetworkStreamer = d, w.FileStreamer = l, w.StringStreamer = f, w.ReadableStreamStreamer = c, a && (n.onmessage = function(e) {
        e = e.data;
        void 0 === w.WORKER_ID && e && (w.WORKER_ID = e.workerId);
        "string" == typeof e.input ? n.postMessage({ workerId: w.WORKER_ID, results: w.parse(e.input, e.config), finished: true }) : (n.File && e.input instanceof File || e.input instanceof Object) && (e = w.parse(e.input, e.config)) && n.postMessage({ workerId: w.WORKER_ID, results: e, finished: true });
      }), (d.prototype = Object.create(u.prototype)).constructor = d, (l.prototype = Object.create(u.prototype)).constructor = l, (f.prototype = Object.create(f.prototype)).constructor = f, (c.prototype = Object.create(u.prototype)).constructor = c, w;
    });
  }
});

// explain_text.js
var import_papaparse_min = __toESM(require_papaparse_min());

// explain_rules.js
var explain_rules_default = {
  "limits": {
    "max_chars": 5e7,
    "max_labels": 1e4
  },
  "controls": {
    "text": "pasted text",
    "true": "true column",
    "pred": "predicted column",
    "counts": "counts column",
    "true_tags": "true tag columns",
    "pred_tags": "predicted tag columns",
    "labels": "labels scored"
  },
  "messages": {
    "empty": "{source} is empty: expected a header row and rows of data",
    "not_utf8": "{source} is not UTF-8 text",
    "not_text": "{source} must be text, got {got}",
    "too_big": "the file opened is {got} bytes: the page reads at most {high} characters (50 MB); explain a larger file on the command line: microavg explain FILE --true COL --pred COL",
    "too_long": "{source} is {got} characters long: the page reads at most {high} (50 MB); explain a larger file on the command line: microavg explain FILE --true COL --pred COL",
    "twice": "{source} names the column {name} twice: give each column its own name",
    "no_column": "{field}: {source} has no column named {name} (its columns are {known})",
    "pick": "{field}: pick one of the columns ({known})",
    "tag_counts": "{true} are {got_true} but {pred} are {got_pred}: give one predicted column per true column",
    "tag_twice": "{field}: the column {name} is named twice; give each tag its own column",
    "same_column": "{pred} and {true} both name the column {name}: a column scored against itself is always right; choose the column of predictions",
    "tags_counted": "{field}: a counted file cannot hold multi-label rows; give the rows",
    "no_rows": "{source} has a header row but no rows of data",
    "bad_quote": '{at}: a quoted field is not closed where it ends: end it with a quote (") and write each quote inside it twice ("")',
    "blank": "{at}: column {name} is blank; every row needs a label",
    "nul": "{at}: column {name} holds {cell}, a label ending in NUL ('\\x00'), which would be merged with the same label without it: remove the NUL",
    "int64": "{at}: column {name} holds {cell}: more than int64 holds; labels this long must be text",
    "not_whole": "{at}: column {name} holds {cell}, not a whole number: labels must be discrete (threshold scores first)",
    "mixes": "{at}: column {name} mixes whole numbers ({number}) and text ({text}): a label column holds one or the other",
    "not_tag": "{at}: column {name} holds {cell}; multi-label columns hold 0 or 1",
    "kinds": "{source}: column {a} holds {kind_a} but column {b} holds {kind_b}: labels of one kind compare; convert one column",
    "bad_count": "{at}: {field} {name} holds {cell}; counts must be non-negative whole numbers below 2**52: fix or drop that row",
    "blank_count": "{at}: {field} {name} is blank; counts must be non-negative whole numbers below 2**52: fix or drop that row",
    "zero_counts": "{field} {name} is 0 on every row: at least one row must count",
    "too_many_rows": "{field} {name} sums to {got} rows: the engine counts exactly below 2**52 in all",
    "too_many_labels": "{source} holds {got} distinct labels: the page shows at most {high}; explain it on the command line: microavg explain FILE --true COL --pred COL",
    "labels_none": "{field}: tick at least one label to score",
    "labels_not_list": "{field} must be a list of labels, got {got}",
    "labels_blank": "{field} holds a blank label: give each label as text",
    "labels_twice": "{field} names {name} twice: name each label once",
    "labels_not_whole": "{field}: {name} is not a whole number, but the label columns hold whole numbers",
    "labels_int64": "{field}: {name} is more than int64 holds, and so is no label of the file",
    "labels_not_tag": "{field}: {name} is not one of the {true} ({known})"
  }
};

// written.js
function written(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) {
    return `[${value.map((v) => Array.isArray(v) ? "[…]" : written(v)).join(", ")}]`;
  }
  if (typeof value === "object" && value !== null) return "an object";
  return typeof value === "function" ? "a function" : String(value);
}

// rules.json
var rules_default = {
  about: "The explorers' rules as data, read by microavg/explorers/rules.py and by static/rules.js: limits, the many-classifiers sliders, the controls as the reader sees them, presets' button texts, and every refusal's words as a template whose {names} the checks fill in.",
  limits: {
    k_min: 2,
    k_max: 10,
    max_count: 1e6,
    max_rows: 40,
    max_label_length: 20,
    max_classifiers: 2e3,
    max_typed: 12
  },
  zero_divisions: [
    "0",
    "1",
    "nan"
  ],
  simulation: {
    n_labels: {
      control: "labels",
      low: 2,
      high: 10,
      step: 1,
      whole: true
    },
    n_samples: {
      control: "test rows",
      low: 20,
      high: 2e3,
      step: 10,
      whole: true
    },
    skill: {
      control: "skill",
      low: 0,
      high: 1,
      step: 0.05,
      whole: false
    },
    imbalance: {
      control: "imbalance",
      low: 0,
      high: 3,
      step: 0.25,
      whole: false
    },
    seed: {
      control: "seed",
      low: 0,
      high: 99,
      step: 1,
      whole: true
    }
  },
  controls: {
    k: "labels (k)",
    labels: "labels",
    label_set: "labels",
    kept: "labels scored",
    counts: "counts",
    cell: "count of true {true}, predicted {predicted}",
    true: "true label",
    predicted: "predicted label",
    rows: "rows",
    pasted: "matrix to paste",
    pasted_cell: "count at row {row}, column {column} of the matrix to paste",
    pasted_labels: "labels of the matrix to paste",
    zero_division: "zero_division"
  },
  presets: {
    worked: "worked example",
    imbalanced: "imbalanced",
    ner: 'NER-like (dominant "O")'
  },
  messages: {
    typed: "{name} must be {kind} from {low} to {high}, got {got}",
    whole: "{name} must be a whole number from {low} to {high}, got {got}",
    real: "{name} must be a finite real number from {low} to {high}, got {got}",
    not_a_list: "{name} must be a list of labels, got {got}",
    not_text: "{name} must hold text, got {got}",
    label_count: "{name} must hold from {low} to {high} labels, got {got}",
    blank_label: "{name} must not hold a blank label",
    nul_label: "{name} must not hold a label ending in NUL ('\\x00'), which would be counted as the same label without it",
    long_label: "{name} must hold labels of at most {high} characters, got {got}",
    repeated: "{name} must be distinct, got {got} twice",
    not_square: "{name} must be a {k} x {k} matrix, one row per label",
    all_zero: "{name} must hold at least one row to score, got every count 0",
    kept_none: "{name} must hold at least one label, got none",
    kept_unknown: "{name} must be among {labels}, got {got}",
    zero_division: "{name} must be 0, 1 or nan, got {got}",
    row_count: "{name} must number from {low} to {high}, got {got}",
    row_label: "{name} in row {row} must be one of {labels}, got {got}",
    row_pairs: "{name} must be one per row, got {got} for {rows} rows",
    resize_unscored: "{name} = {k} would leave no label scored: tick {labels} first",
    resize_empty: "{name} = {k} would leave every count 0: there would be no rows to score",
    parameter: "parameter must be one of {names}, got {got}",
    paste_empty: "{name} must hold counts, got nothing",
    paste_names_only: "{name} must hold counts, got only label names",
    paste_ragged: "{name} must have as many counts in every row: row 1 has {first}, row {row} has {got}",
    paste_not_square: "{name} must be square, got {rows} rows of {got} counts",
    paste_size: "{name} must have from {low} to {high} rows, got {got}",
    paste_names_differ: "{name} must name its rows as its columns, got {rows} for {columns}",
    paste_label_count: "{name} must be one per row, got {got} for {rows} rows",
    paste_digits: "{name} must be written with the digits 0 to 9, got {got}"
  }
};

// rules.js
var LIMITS = rules_default.limits;
var K_MIN = LIMITS.k_min;
var K_MAX = LIMITS.k_max;
var MAX_COUNT = LIMITS.max_count;
var MAX_ROWS = LIMITS.max_rows;
var MAX_LABEL_LENGTH = LIMITS.max_label_length;
var MAX_CLASSIFIERS = LIMITS.max_classifiers;
var ZERO_DIVISIONS = rules_default.zero_divisions;
var SIMULATION = rules_default.simulation;
var CONTROLS = rules_default.controls;
var MESSAGES = rules_default.messages;
var MAX_TYPED = LIMITS.max_typed;

// dom.js
var MINUS = "−";
function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
function messageLine() {
  const line = element("div", { className: "ma-message", role: "alert", "aria-live": "assertive" });
  return {
    node: line,
    show(text) {
      line.textContent = text;
      line.classList.toggle("ma-refused", text !== "");
    }
  };
}
function roundScaled(x, shift) {
  const view2 = new DataView(new ArrayBuffer(8));
  view2.setFloat64(0, Math.abs(x));
  const bits = view2.getBigUint64(0);
  const exponent = Number(bits >> 52n & 0x7ffn);
  let mantissa = bits & (1n << 52n) - 1n;
  let power;
  if (exponent === 0) power = -1074;
  else {
    mantissa |= 1n << 52n;
    power = exponent - 1075;
  }
  const numerator = mantissa * 10n ** BigInt(shift);
  if (power >= 0) return numerator << BigInt(power);
  const denominator = 1n << BigInt(-power);
  let quotient = numerator / denominator;
  const twice = 2n * (numerator - quotient * denominator);
  if (twice > denominator || twice === denominator && quotient % 2n === 1n) quotient += 1n;
  return quotient;
}
function fixed(x, digits) {
  const text = roundScaled(x, digits).toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
var isNegative = (x) => x < 0 || Object.is(x, -0);
function checkNumber(x) {
  if (typeof x !== "number") throw new TypeError(`x must be a number, got ${written(x)}`);
}
function checkDigits(digits) {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    const Refusal = typeof digits === "number" ? RangeError : TypeError;
    throw new Refusal(`digits must be a whole number from 0 to 20, got ${written(digits)}`);
  }
}
function percent(x, digits = 1) {
  checkNumber(x);
  checkDigits(digits);
  const y = 100 * x;
  if (Number.isNaN(y)) return "nan";
  if (!Number.isFinite(y)) return `${y < 0 ? MINUS : ""}inf%`;
  return `${isNegative(y) ? MINUS : ""}${fixed(y, digits)}%`;
}
function view(render2) {
  return {
    render(context) {
      const { el } = context;
      const press = (event) => {
        const focused = document.activeElement;
        if (focused && el.contains(focused) && !el.contains(event.target)) focused.blur();
      };
      document.addEventListener("pointerdown", press, true);
      const cleanup = render2(context);
      return () => {
        document.removeEventListener("pointerdown", press, true);
        if (typeof cleanup === "function") cleanup();
      };
    }
  };
}

// explain_text.js
var LIMITS2 = explain_rules_default.limits;
var CONTROLS2 = explain_rules_default.controls;
var MESSAGES2 = explain_rules_default.messages;
var SOURCE = CONTROLS2.text;
var SHOWN = 10;
var CUT = 40;
var MAX_COUNT2 = 2 ** 52;
var DELIMITERS = [",", "	", ";", "|"];
var RefusedEdit = class extends Error {
};
function say(template, values = {}) {
  const words = MESSAGES2[template];
  return new RefusedEdit(words.replace(/\{(\w+)\}/g, (_, key) => String(values[key])));
}
var SPACES = /* @__PURE__ */ new Set([
  9,
  10,
  11,
  12,
  13,
  28,
  29,
  30,
  31,
  32,
  133,
  160,
  5760,
  8192,
  8193,
  8194,
  8195,
  8196,
  8197,
  8198,
  8199,
  8200,
  8201,
  8202,
  8232,
  8233,
  8239,
  8287,
  12288
]);
function pyStrip(text) {
  const n = text.length;
  if (n === 0) return text;
  if (!SPACES.has(text.charCodeAt(0)) && !SPACES.has(text.charCodeAt(n - 1))) return text;
  let a = 0;
  let b = n;
  while (a < b && SPACES.has(text.charCodeAt(a))) a += 1;
  while (b > a && SPACES.has(text.charCodeAt(b - 1))) b -= 1;
  return text.slice(a, b);
}
var NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
var hex = (code, width) => code.toString(16).padStart(width, "0");
function pyRepr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "	") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch !== " " && NOT_PRINTABLE.test(ch)) {
      out += code < 256 ? `\\x${hex(code, 2)}` : code < 65536 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    } else out += ch;
  }
  return out + quote;
}
var labelText = (label) => typeof label === "string" ? pyRepr(label) : String(label);
function shown(value) {
  const text = typeof value === "string" ? pyRepr(value) : value === null ? "None" : String(value);
  const chars = [...text];
  if (chars.length <= CUT) return text;
  return `${chars.slice(0, CUT - 1).join("")}… (${chars.length} characters)`;
}
function byCodePoint(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const hiX = x >= 55296 && x <= 57343;
    const hiY = y >= 55296 && y <= 57343;
    if (hiX !== hiY) return hiX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
function sameKey(label) {
  return pyStrip(label.normalize("NFKC")).toUpperCase().toLowerCase().replace(/ς/g, "σ");
}
function decoded(input) {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array || Array.isArray(input)) {
    const bytes = input instanceof Uint8Array ? input : Uint8Array.from(input);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw say("not_utf8", { source: SOURCE });
    }
  }
  throw say("not_text", { source: SOURCE, got: input === null ? "None" : typeof input });
}
function checkFileSize(bytes) {
  if (bytes > 3 * LIMITS2.max_chars) {
    throw say("too_big", { got: bytes.toLocaleString("en"), high: LIMITS2.max_chars.toLocaleString("en") });
  }
}
function prepared(input) {
  let text = decoded(input);
  if (text.length > LIMITS2.max_chars) {
    throw say("too_long", { source: SOURCE, got: text.length.toLocaleString("en"), high: LIMITS2.max_chars.toLocaleString("en") });
  }
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  let end = 0;
  while (end < text.length && end < 65536 && text[end] !== "\n" && text[end] !== "\r") end += 1;
  const header = text.slice(0, end);
  if (pyStrip(header) === "") throw say("empty", { source: SOURCE });
  let delimiter = ",";
  let most = -1;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) [delimiter, most] = [d, n];
  }
  return { text, delimiter };
}
var parseConfig = (delimiter) => ({ delimiter, quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
var CHUNK = 1024 * 1024;
function eachRow(text, delimiter, visit) {
  let index = 0;
  import_papaparse_min.default.parse(text, {
    ...parseConfig(delimiter),
    chunkSize: CHUNK,
    chunk(results, parser) {
      const bad = results.errors.find((error) => error.type === "Quotes");
      if (bad !== void 0) {
        throw say("bad_quote", { at: `${SOURCE}, line ${lineOf(text, delimiter, index + bad.row)}` });
      }
      for (const row of results.data) {
        if (visit(row, index)) {
          parser.abort();
          return;
        }
        index += 1;
      }
    }
  });
}
function headerOf(text, delimiter) {
  let first = [];
  eachRow(text, delimiter, (row) => {
    first = row;
    return true;
  });
  const seen = /* @__PURE__ */ new Set();
  for (const name of first) {
    if (seen.has(name)) throw say("twice", { source: SOURCE, name: shown(name) });
    seen.add(name);
  }
  return first.map(pyStrip);
}
function readHeader(input) {
  const { text, delimiter } = prepared(input);
  return { columns: headerOf(text, delimiter), delimiter };
}
function lineOf(text, delimiter, index) {
  let row = -1;
  let start = 0;
  let found = 0;
  import_papaparse_min.default.parse(text, {
    ...parseConfig(delimiter),
    step(results, parser) {
      row += 1;
      if (row === index) {
        found = start;
        parser.abort();
      }
      start = results.meta.cursor;
    }
  });
  let line = 1;
  for (let i = 0; i < found; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 && text.charCodeAt(i + 1) !== 10) line += 1;
  }
  while (found < text.length && (text[found] === "\n" || text[found] === "\r")) {
    if (text[found] === "\r" && text[found + 1] === "\n") found += 1;
    found += 1;
    line += 1;
    if (pyStrip(text.slice(found, found + 1)) !== "" || found >= text.length) break;
  }
  return line;
}
function namesOf(option) {
  if (Array.isArray(option)) return [...option];
  return typeof option === "string" ? option.split(",") : [option];
}
function column(columns, name, field, known) {
  if (typeof name !== "string" || name === "") throw say("pick", { field, known });
  const index = columns.indexOf(pyStrip(name));
  if (index < 0) throw say("no_column", { field, source: SOURCE, name: shown(pyStrip(name)), known });
  return index;
}
var WHOLE = /^[+-]?[0-9]+(?:\.0*)?$/;
var NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
var INT64_LOW = -(2n ** 63n);
var INT64_HIGH = 2n ** 63n;
function int64(cell) {
  const digits = cell.split(".")[0];
  if (digits.replace(/^[+-]/, "").length > 19) return null;
  const value = BigInt(digits);
  return value >= INT64_LOW && value < INT64_HIGH ? value : null;
}
function countOf(cell) {
  if (cell === void 0 || cell === null || cell === "" || cell.includes("_")) return null;
  const text = cell.replace(/^ +| +$/g, "");
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value !== Math.round(value) || value >= MAX_COUNT2) return null;
  return value;
}
function tally(text, delimiter, labelColumns, countsColumn) {
  const width = labelColumns.length;
  const root = /* @__PURE__ */ new Map();
  const distinct = labelColumns.map(() => /* @__PURE__ */ new Set());
  const blank = labelColumns.map(() => false);
  const blankAt = labelColumns.map(() => -1);
  const cells = new Array(width);
  const seen = { kept: 0, badAt: -1, badCell: null, badAnyAt: -1, badAnyCell: null };
  eachRow(text, delimiter, (row, r) => {
    if (r === 0) return false;
    let filled = 0;
    for (let c = 0; c < width; c += 1) {
      const raw = row[labelColumns[c]];
      const cell = raw === void 0 ? "" : pyStrip(raw);
      cells[c] = cell;
      if (cell !== "") filled += 1;
    }
    if (filled === 0) return false;
    seen.kept += 1;
    if (filled < width) {
      for (let c = 0; c < width; c += 1) {
        if (cells[c] !== "") continue;
        blank[c] = true;
        if (filled === width - 1 && blankAt[c] < 0) blankAt[c] = r;
      }
    }
    let n = 1;
    if (countsColumn >= 0) {
      n = countOf(row[countsColumn]);
      if (n === null) {
        const cell = row[countsColumn] === void 0 || row[countsColumn] === "" ? null : row[countsColumn];
        if (seen.badAnyAt < 0) [seen.badAnyAt, seen.badAnyCell] = [r, cell];
        if (seen.badAt < 0 && filled === width) [seen.badAt, seen.badCell] = [r, cell];
        return false;
      }
    }
    let node = root;
    for (let c = 0; c < width - 1; c += 1) {
      distinct[c].add(cells[c]);
      let next = node.get(cells[c]);
      if (next === void 0) node.set(cells[c], next = /* @__PURE__ */ new Map());
      node = next;
    }
    distinct[width - 1].add(cells[width - 1]);
    node.set(cells[width - 1], (node.get(cells[width - 1]) ?? 0) + n);
    return false;
  });
  return { ...seen, root, distinct, blank, blankAt, width };
}
function groupsOf({ root, width }) {
  const out = [];
  const walk = (node, path) => {
    for (const [cell, next] of node) {
      if (path.length === width - 1) out.push([[...path, cell], next]);
      else walk(next, [...path, cell]);
    }
  };
  walk(root, []);
  return out;
}
function firstLine(text, delimiter, index, test) {
  let found = -1;
  eachRow(text, delimiter, (row, r) => {
    if (r > 0 && test(pyStrip(row[index] ?? ""))) found = r;
    return found >= 0;
  });
  return found < 0 ? SOURCE : `${SOURCE}, line ${lineOf(text, delimiter, found)}`;
}
function typed(cells, name, isBlank, blankAt, at) {
  const odd = cells.find((c) => c.endsWith("\0"));
  if (odd !== void 0) throw say("nul", { at: at((c) => c.endsWith("\0")), name: shown(name), cell: shown(odd) });
  if (isBlank) throw say("blank", { at: blankAt, name: shown(name) });
  const whole = cells.map((c) => WHOLE.test(c));
  if (whole.every(Boolean)) {
    const out = /* @__PURE__ */ new Map();
    for (const c of cells) {
      const value = int64(c);
      if (value === null) throw say("int64", { at: at((x) => x === c), name: shown(name), cell: shown(c) });
      out.set(c, value);
    }
    return { numbers: true, of: out };
  }
  if (whole.some(Boolean)) {
    const text = cells[whole.indexOf(false)];
    const number2 = cells[whole.indexOf(true)];
    const where = at((x) => x === text);
    if (cells.every((c) => NUMBER.test(c))) {
      throw say("not_whole", { at: where, name: shown(name), cell: shown(text) });
    }
    throw say("mixes", { at: where, name: shown(name), number: shown(number2), text: shown(text) });
  }
  return { numbers: false, of: new Map(cells.map((c) => [c, c])) };
}
function labelsOption(labels, numbers) {
  const field = CONTROLS2.labels;
  if (labels === null || labels === void 0) return null;
  if (!Array.isArray(labels)) throw say("labels_not_list", { field, got: typeof labels });
  if (labels.length === 0) throw say("labels_none", { field });
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const raw of labels) {
    const name = pyStrip(String(raw));
    if (name === "") throw say("labels_blank", { field });
    if (seen.has(name)) throw say("labels_twice", { field, name: shown(name) });
    seen.add(name);
    if (!numbers) out.push(name);
    else if (!WHOLE.test(name)) throw say("labels_not_whole", { field, name: shown(name) });
    else {
      const value = int64(name);
      if (value === null) throw say("labels_int64", { field, name: shown(name) });
      out.push(value);
    }
  }
  const keys = new Set(out.map(String));
  if (keys.size !== out.length) throw say("labels_twice", { field, name: shown(String(labels.at(-1))) });
  return out;
}
function tagsOption(labels, trueNames) {
  const chosen = labelsOption(labels, false);
  if (chosen === null) return null;
  return chosen.map((name) => {
    const index = trueNames.indexOf(name);
    if (index < 0) {
      throw say("labels_not_tag", {
        field: CONTROLS2.labels,
        name: shown(name),
        true: CONTROLS2.true_tags,
        known: trueNames.join(",")
      });
    }
    return index;
  });
}
function counted(input, options) {
  const trueNames = namesOf(options.true);
  const predNames = namesOf(options.pred);
  const tags = trueNames.length > 1 || predNames.length > 1;
  const countsName = options.counts ?? null;
  const counts = countsName !== null && countsName !== "";
  if (tags && trueNames.length !== predNames.length) {
    throw say("tag_counts", {
      true: CONTROLS2.true_tags,
      got_true: trueNames.length,
      pred: CONTROLS2.pred_tags,
      got_pred: predNames.length
    });
  }
  for (const [field, names2] of [[CONTROLS2.true_tags, trueNames], [CONTROLS2.pred_tags, predNames]]) {
    const stripped = names2.map((name) => typeof name === "string" ? pyStrip(name) : name);
    const twice = stripped.find((name, n) => stripped.indexOf(name) < n);
    if (twice !== void 0) throw say("tag_twice", { field, name: shown(twice) });
  }
  const [trueField, predField] = tags ? [CONTROLS2.true_tags, CONTROLS2.pred_tags] : [CONTROLS2.true, CONTROLS2.pred];
  const named2 = (names2) => names2.filter((n) => typeof n === "string" && pyStrip(n) !== "").map(pyStrip);
  const trueNamed = new Set(named2(trueNames));
  const same2 = named2(predNames).find((name) => trueNamed.has(name));
  if (same2 !== void 0) throw say("same_column", { pred: predField, true: trueField, name: shown(same2) });
  if (tags && counts) throw say("tags_counted", { field: CONTROLS2.counts });
  const { text, delimiter } = prepared(input);
  const columns = headerOf(text, delimiter);
  const known = columns.map(shown).join(", ");
  for (const [field, names2] of [[trueField, trueNames], [predField, predNames]]) {
    if (names2.length === 0) throw say("pick", { field, known });
  }
  const labelColumns = [
    ...trueNames.map((name) => column(columns, name, trueField, known)),
    ...predNames.map((name) => column(columns, name, predField, known))
  ];
  const ci = counts ? column(columns, countsName, CONTROLS2.counts, known) : -1;
  const seen = tally(text, delimiter, labelColumns, ci);
  if (seen.kept === 0) throw say("no_rows", { source: SOURCE });
  const at = (r) => `${SOURCE}, line ${lineOf(text, delimiter, r)}`;
  if (seen.badAnyAt >= 0) {
    const [r, cell] = seen.badAt >= 0 ? [seen.badAt, seen.badCell] : [seen.badAnyAt, seen.badAnyCell];
    const words = { at: at(r), field: CONTROLS2.counts, name: shown(columns[ci]) };
    if (cell === null || pyStrip(cell) === "") throw say("blank_count", words);
    throw say("bad_count", { ...words, cell: shown(cell) });
  }
  const names = labelColumns.map((index) => columns[index]);
  const kinds = labelColumns.map(
    (index, c) => typed(
      [...seen.distinct[c]],
      names[c],
      seen.blank[c],
      seen.blankAt[c] < 0 ? SOURCE : at(seen.blankAt[c]),
      (test) => firstLine(text, delimiter, index, test)
    )
  );
  const groups = groupsOf(seen);
  if (tags) {
    return { tags: true, ...tagRows(text, delimiter, labelColumns, names, kinds, groups), trueNames: trueNames.map(pyStrip), columns, rows: seen.kept };
  }
  return { tags: false, ...pairRows(names, kinds, groups, ci >= 0 ? columns[ci] : null), columns, rows: seen.kept };
}
function tagRows(text, delimiter, labelColumns, names, kinds, groups) {
  kinds.forEach((kind, c) => {
    const odd = [...kind.of.values()].find((v) => v !== 0n && v !== 1n);
    if (odd === void 0) return;
    const at = firstLine(text, delimiter, labelColumns[c], (cell) => cell === String(odd));
    throw say("not_tag", { at, name: shown(names[c]), cell: shown(odd) });
  });
  const k = labelColumns.length / 2;
  const merged = /* @__PURE__ */ new Map();
  let total = 0;
  for (const [cells, n] of groups) {
    const bits = cells.map((cell, c) => Number(kinds[c].of.get(cell)));
    const key = bits.join("");
    const entry = merged.get(key);
    if (entry === void 0) merged.set(key, { t: bits.slice(0, k), p: bits.slice(k), n });
    else entry.n += n;
    total += n;
  }
  return { k, groups: [...merged.values()], total };
}
function pairRows(names, kinds, groups, countsName) {
  if (kinds[0].numbers !== kinds[1].numbers) {
    const word = (k) => k.numbers ? "whole numbers" : "text";
    throw say("kinds", {
      source: SOURCE,
      a: shown(names[0]),
      kind_a: word(kinds[0]),
      b: shown(names[1]),
      kind_b: word(kinds[1])
    });
  }
  const numbers = kinds[0].numbers;
  const merged = /* @__PURE__ */ new Map();
  let total = 0;
  for (const [[t, p], n] of groups) {
    const tl = kinds[0].of.get(t);
    const pl = kinds[1].of.get(p);
    const key = `${String(tl)}\0${String(pl)}`;
    const entry = merged.get(key);
    if (entry === void 0) merged.set(key, { t: tl, p: pl, n });
    else entry.n += n;
    total += n;
  }
  if (countsName !== null && total === 0) throw say("zero_counts", { field: CONTROLS2.counts, name: shown(countsName) });
  if (countsName !== null && total >= MAX_COUNT2) {
    throw say("too_many_rows", { field: CONTROLS2.counts, name: shown(countsName), got: shown(total) });
  }
  const all = /* @__PURE__ */ new Map();
  for (const { t, p } of merged.values()) {
    all.set(String(t), t);
    all.set(String(p), p);
  }
  if (all.size > LIMITS2.max_labels) {
    throw say("too_many_labels", {
      source: SOURCE,
      got: all.size.toLocaleString("en"),
      high: LIMITS2.max_labels.toLocaleString("en")
    });
  }
  const values = [...all.values()].sort(numbers ? (a, b) => a < b ? -1 : a > b ? 1 : 0 : byCodePoint);
  return { numbers, values, pairs: [...merged.values()], total };
}
function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}
function ratio(numerator, denominator) {
  if (denominator === 0) return [0, 1];
  const g = gcd(numerator, denominator) || 1;
  return [numerator / g, denominator / g];
}
function exactText([n, d]) {
  const shownFraction = d === 1 ? `${n}` : `${n}/${d}`;
  return `${shownFraction.replace(/-/g, MINUS)} (${percent(n / d)})`;
}
var number = (n) => String(n).replace(/-/g, MINUS);
function named(labels) {
  let names = labels.slice(0, SHOWN).map(labelText).join(", ");
  const more = labels.length - SHOWN;
  if (more > 0) names += ` and ${more} more`;
  return names;
}
function explanation({ values, pairs, total }, labels) {
  const index = new Map(values.map((v, i) => [String(v), i]));
  const k = values.length;
  const kept = new Array(k).fill(labels === null);
  if (labels !== null) {
    for (const label of labels) if (index.has(String(label))) kept[index.get(String(label))] = true;
  }
  const cells = pairs.map(({ t, p, n }) => [index.get(String(t)), index.get(String(p)), n]);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  const out = new Array(k).fill(0);
  const into = new Array(k).fill(0);
  const inTrue = new Array(k).fill(false);
  const inPred = new Array(k).fill(false);
  for (const [t, p, n] of cells) {
    inTrue[t] = true;
    inPred[p] = true;
    if (t === p) {
      correct += n;
      if (kept[t]) tp += n;
      continue;
    }
    if (kept[p]) fp += n;
    if (kept[t]) fn += n;
    if (!kept[t] && kept[p]) out[t] += n;
    if (kept[t] && !kept[p]) into[p] += n;
  }
  const leftOut = [];
  for (let i = 0; i < k; i += 1) if (!kept[i]) leftOut.push({ label: values[i], outOf: out[i], into: into[i] });
  const precisionEqual = tp + fp === total;
  const recallEqual = tp + fn === total;
  const equal = [];
  if (precisionEqual) equal.push("precision");
  if (recallEqual) equal.push("recall");
  if (precisionEqual && recallEqual) equal.push("f1");
  const findings = [];
  const groups = /* @__PURE__ */ new Map();
  values.forEach((value, i) => {
    if (typeof value !== "string") return;
    const key = sameKey(value);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const inside = new Set(members);
    let count = 0;
    for (const [t, p, n] of cells) if (t !== p && inside.has(t) && inside.has(p)) count += n;
    findings.push({ kind: "lookalike", labels: members.map((i) => values[i]), count });
  }
  const blank = /* @__PURE__ */ new Set();
  values.forEach((v, i) => {
    if (typeof v === "string" && pyStrip(v) === "") blank.add(i);
  });
  if (blank.size) {
    let predicted = 0;
    let trueCount = 0;
    for (const [t, p, n] of cells) {
      if (blank.has(p)) predicted += n;
      if (blank.has(t)) trueCount += n;
    }
    findings.push({ kind: "blank", labels: [...blank].map((i) => values[i]), count: predicted, more: trueCount });
  }
  const only = [];
  for (let i = 0; i < k; i += 1) if (inPred[i] && !inTrue[i] && !blank.has(i) && kept[i]) only.push(i);
  if (only.length) {
    const set = new Set(only);
    let count = 0;
    for (const [, p, n] of cells) if (set.has(p)) count += n;
    findings.push({ kind: "predicted_only", labels: only.map((i) => values[i]), count });
  }
  if (labels !== null) {
    const absent = labels.filter((label) => !index.has(String(label)));
    if (absent.length) findings.push({ kind: "absent", labels: absent, count: 0 });
  }
  return scored({ tp, fp, fn, correct, total, leftOut, equal, findings, multilabel: false });
}
function tagExplanation({ k, groups, total }, labels) {
  const columns = labels ?? [...Array(k).keys()];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let extra = 0;
  let missed = 0;
  let correct = 0;
  let none = 0;
  let several = 0;
  const used = new Array(k).fill(false);
  for (const { t, p, n } of groups) {
    let right = true;
    for (let c = 0; c < k; c += 1) {
      if (t[c] || p[c]) used[c] = true;
      if (t[c] !== p[c]) right = false;
    }
    let fpRow = 0;
    let fnRow = 0;
    let predicted = 0;
    for (const c of columns) {
      if (t[c] && p[c]) tp += n;
      else if (p[c]) fpRow += 1;
      else if (t[c]) fnRow += 1;
      if (p[c]) predicted += 1;
    }
    fp += n * fpRow;
    fn += n * fnRow;
    extra += n * Math.max(fpRow - fnRow, 0);
    missed += n * Math.max(fnRow - fpRow, 0);
    if (right) correct += n;
    if (predicted === 0) none += n;
    if (predicted >= 2) several += n;
  }
  const scoredSet = new Set(columns);
  const leftOut = [];
  for (let c = 0; c < k; c += 1) if (used[c] && !scoredSet.has(c)) leftOut.push({ label: c });
  const findings = [];
  if (labels !== null) {
    const absent = columns.filter((c) => !used[c]);
    if (absent.length) findings.push({ kind: "absent", labels: absent, count: 0 });
  }
  if (none || several) findings.push({ kind: "label_sets", labels: [], count: none, more: several });
  return {
    ...scored({ tp, fp, fn, correct, total, leftOut, equal: [], findings, multilabel: true }),
    extraTags: extra,
    missedTags: missed
  };
}
function scored({ tp, fp, fn, correct, total, leftOut, equal, findings, multilabel }) {
  const denominators = { precision: tp + fp, recall: tp + fn, f1: 2 * tp + fp + fn };
  const exact = {
    precision: ratio(tp, denominators.precision),
    recall: ratio(tp, denominators.recall),
    f1: ratio(2 * tp, denominators.f1),
    accuracy: ratio(correct, total)
  };
  const zero = ["precision", "recall", "f1"].filter((name) => denominators[name] === 0);
  const causes = [];
  if (leftOut.length) causes.push("labels");
  if (multilabel) causes.push("multilabel");
  if (zero.length) causes.push("zero_division");
  const all = Object.values(exact);
  const holds = all.every(([n, d]) => n === all[0][0] && d === all[0][1]);
  return {
    exact,
    holds,
    causes,
    sumTp: tp,
    sumFp: fp,
    sumFn: fn,
    total,
    leftOut,
    equalsAccuracy: equal,
    zeroDenominators: zero,
    findings
  };
}
function paragraphs(e) {
  const fp = number(e.sumFp);
  const fn = number(e.sumFn);
  const total = number(e.total);
  const score = (name) => exactText(e.exact[name]);
  const lines = [
    `Micro precision ${score("precision")}, recall ${score("recall")}, F1 ${score("f1")}; accuracy ${score("accuracy")}.`
  ];
  if (!e.causes.length) {
    lines.push(
      `They agree, as they must. ΣFP = ${fp} = ΣFN: every wrong prediction is an FP for the label predicted and an FN for the true label, so ΣTP + ΣFP = ΣTP + ΣFN = ${total}, the number of items, and micro precision, recall and F1 all equal accuracy.`
    );
    return [...lines, ...findingWords(e)];
  }
  const verdict = e.holds ? "They agree on this data, but nothing guarantees it" : "They part, as they may";
  const reasons = {
    labels: "labels= leaves out labels that occur in the data",
    multilabel: "the data is multi-label",
    zero_division: "a denominator is 0"
  };
  lines.push(`${verdict}: ${e.causes.map((c) => reasons[c]).join(" and ")}.`);
  const multilabel = e.causes.includes("multilabel");
  if (e.causes.includes("labels") && multilabel) {
    lines.push(`Left out: ${named(e.leftOut.map((x) => x.label))}; their tags count neither as FP nor as FN.`);
  } else if (e.causes.includes("labels")) {
    const names = named(e.leftOut.map((x) => x.label));
    const each = e.leftOut.slice(0, SHOWN).map((x) => `${labelText(x.label)}: ${number(x.outOf)} out of it, ${number(x.into)} into it`).join("; ");
    lines.push(
      `Left out: ${names}. Over the labels scored ΣFP = ${fp} and ΣFN = ${fn}: the residual ΣFP − ΣFN = ${number(e.sumFp - e.sumFn)} is, per label left out, the errors out of it (true label left out, predicted as a label scored: an FP with no FN) minus the errors into it (true label scored, predicted as it: an FN with no FP). ${each}. Precision divides by ΣTP + ΣFP = ${number(e.sumTp + e.sumFp)} and recall by ΣTP + ΣFN = ${number(e.sumTp + e.sumFn)}; accuracy divides by ${total}, all items.`
    );
  }
  if (multilabel) {
    lines.push(
      `An item of multi-label data may hold no tag or several, so a wrong tag need not come with a missed one: ΣFP = ${fp} and ΣFN = ${fn}. Extra tags (an FP with no FN on its item): ${number(e.extraTags)}; missed tags (an FN with no FP on its item): ${number(e.missedTags)}; ΣFP − ΣFN is the extra tags minus the missed ones. Accuracy is subset accuracy, the share of items with every tag right.`
    );
  }
  if (e.causes.includes("zero_division")) {
    const why = {
      precision: "precision (nothing is predicted as a label scored)",
      recall: "recall (no true label is a label scored)",
      f1: "F1 (no TP, FP or FN at all)"
    };
    lines.push(`The denominator of ${e.zeroDenominators.map((n) => why[n]).join(" and ")} is 0, so zero_division = 0.0 decides it.`);
  }
  if (e.equalsAccuracy.length) {
    if (e.equalsAccuracy.length === 3) {
      lines.push("Precision, recall and F1 still equal accuracy: no item has a label left out.");
    } else if (e.equalsAccuracy[0] === "recall") {
      lines.push("Recall still equals accuracy: every label that occurs in y_true is scored, so ΣTP + ΣFN counts every item.");
    } else {
      lines.push("Precision still equals accuracy: every label that occurs in y_pred is scored, so ΣTP + ΣFP counts every item.");
    }
  }
  return [...lines, ...findingWords(e)];
}
function findingWords(e) {
  return e.findings.map((found) => {
    const names = named(found.labels);
    const one = found.labels.length === 1;
    const n = number(found.count);
    if (found.kind === "lookalike") {
      return `${names} may be one label written ${found.labels.length} ways (they differ only by case, spaces or Unicode form), but each is counted as a label of its own, so an item whose true and predicted labels are two of them is an error. Such items: ${n}.`;
    }
    if (found.kind === "blank") {
      const trueText = found.more ? `; with it as their true label: ${number(found.more)}` : "";
      return `${names} is blank, what a missing prediction read from a file becomes, and is counted as a label of its own. Items predicted as it: ${n}${trueText}. Left out with labels=, the items predicted as it become abstentions, FNs with no FP.`;
    }
    if (found.kind === "predicted_only") {
      return `${names} ${one ? "occurs" : "occur"} only in the predictions, never as a true label, so every item predicted as ${one ? "it" : "one of them"} is an error, an FP for the label predicted and an FN for the true one. Such items: ${n}. Left out with labels=, they become FNs with no FP: precision rises above accuracy, and recall stays the accuracy while every true label is scored.`;
    }
    if (found.kind === "label_sets") {
      return `Predicted label sets: items predicting none of the labels scored: ${n}; predicting two or more: ${number(found.more)}. Thresholding each label's probability gives such sets (as Keras' Precision() and Recall() do at 0.5): an item with none adds FNs with no FP, one with several FPs that its FNs need not match.`;
    }
    return `labels= names ${names}, which no item holds as a true or predicted label: ${one ? "it adds" : "they add"} nothing to the micro sums (check the spelling).`;
  });
}
function explainText(input, options = {}) {
  if (options === null || typeof options !== "object") throw new TypeError("options must be an object");
  const data = counted(input, options);
  const chosen = options.labels ?? null;
  const e = data.tags ? tagExplanation(data, tagsOption(chosen, data.trueNames)) : explanation(data, labelsOption(chosen, data.numbers));
  const said = paragraphs(e);
  return {
    paragraphs: said,
    text: said.join("\n\n"),
    columns: data.columns,
    multilabel: data.tags,
    labels: data.tags ? data.trueNames : data.values.map(String),
    shownLabels: data.tags ? data.trueNames : data.values.map(labelText),
    rows: data.rows,
    total: data.total,
    holds: e.holds,
    causes: e.causes,
    scores: Object.fromEntries(Object.entries(e.exact).map(([k, [n, d]]) => [k, exactText([n, d])]))
  };
}

// explain_file.js
var NO_COUNTS = "";
var SHOWN_CHARS = 1e5;
var views = 0;
function readState(model) {
  return {
    text: model.get("text"),
    true: model.get("true"),
    pred: model.get("pred"),
    counts: model.get("counts"),
    labels: model.get("labels") ?? null
  };
}
function present(option, columns) {
  return namesOf(option).every((name) => typeof name === "string" && columns.includes(pyStrip(name)));
}
function proposed(current, changes) {
  const next = { ...current, ...changes };
  if (!("labels" in changes) && ["true", "pred", "counts", "text"].some((k) => k in changes)) {
    next.labels = null;
  }
  if ("text" in changes && next.text !== "") {
    let columns = [];
    try {
      columns = readHeader(next.text).columns;
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      return next;
    }
    if (!("true" in changes) && !present(current.true, columns)) next.true = columns[0] ?? "";
    if (!("pred" in changes) && !present(current.pred, columns)) next.pred = columns[1] ?? "";
    if (!("counts" in changes) && !columns.includes(current.counts)) next.counts = NO_COUNTS;
  }
  return next;
}
var namesTags = (state) => [state.true, state.pred].some((v) => Array.isArray(v) || typeof v === "string" && v.includes(","));
var same = (a, b) => ["text", "true", "pred", "counts", "labels"].every(
  (key) => key === "text" ? a.text === b.text : JSON.stringify(a[key]) === JSON.stringify(b[key])
);
function render({ model, el }) {
  views += 1;
  const heldId = `ma-ef-held-${views}`;
  const message = messageLine();
  const paste = element("textarea", {
    className: "ma-ef-text",
    rows: 6,
    spellcheck: "false",
    "aria-label": `${CONTROLS2.text}: CSV or TSV with a header row`,
    "aria-describedby": heldId,
    placeholder: "true,pred\nA,A\nA,B\nB,B"
  });
  const held = element("p", { className: "ma-ef-help ma-ef-held", id: heldId });
  const file = element("input", {
    type: "file",
    className: "ma-ef-file",
    accept: ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain",
    "aria-label": "open a CSV or TSV file (read in this page, never sent)"
  });
  const kindName = `ma-ef-kind-${views}`;
  const kind = (value, text) => {
    const radio = element("input", { type: "radio", name: kindName, value, className: `ma-ef-kind-${value}` });
    return [radio, element("div", {}, [element("label", {}, [radio, ` ${text}`])])];
  };
  const [labelsKind, labelsKindLabel] = kind("labels", "a true and a predicted label (or a counted table)");
  const [tagsKind, tagsKindLabel] = kind("tags", "0/1 tag columns, true and predicted (multi-label)");
  const select = (name, className) => element("select", { className, "aria-label": CONTROLS2[name] });
  const trueColumn = select("true", "ma-ef-true");
  const predColumn = select("pred", "ma-ef-pred");
  const countsColumn = select("counts", "ma-ef-counts");
  const columnsBox = element("div", {}, [
    element("div", { className: "ma-controls ma-ef-columns" }, [
      element("label", {}, [`${CONTROLS2.true} `, trueColumn]),
      element("label", {}, [`${CONTROLS2.pred} `, predColumn]),
      element("label", {}, [`${CONTROLS2.counts} `, countsColumn])
    ])
  ]);
  const tagBox = (name) => element("div", { className: `ma-ef-tag-columns ma-ef-${name}` });
  const trueTags = tagBox("true-tags");
  const predTags = tagBox("pred-tags");
  const tagsBox = element("div", { className: "ma-ef-tags" }, [
    element("fieldset", { className: "ma-ef-fieldset" }, [
      element("legend", { text: `${CONTROLS2.true_tags} (--true)` }),
      trueTags
    ]),
    element("fieldset", { className: "ma-ef-fieldset" }, [
      element("legend", { text: `${CONTROLS2.pred_tags} (--pred), paired with the true ones in order` }),
      predTags
    ])
  ]);
  const labelBox = element("div", {
    className: "ma-scroll ma-ef-labels",
    tabindex: "0",
    role: "region",
    "aria-label": CONTROLS2.labels
  });
  const allButton = element("button", { type: "button", className: "ma-button ma-ef-all", text: "Score every label" });
  const output = element("div", { className: "ma-ef-output", "aria-live": "polite" });
  const summary = element("p", { className: "ma-ef-summary" });
  el.classList.add("microavg-explorer", "microavg-explain-file");
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  el.addEventListener("keydown", (event) => event.stopPropagation());
  el.replaceChildren(
    element("div", { className: "ma-ef-input" }, [
      element("p", {
        className: "ma-ef-help",
        text: "Paste a CSV or TSV text with a header row, or open or drop a file: it is read in this page and never sent anywhere. What follows is what microavg explain prints for it."
      }),
      paste,
      held,
      element("label", { className: "ma-ef-file-label" }, ["Open a file ", file])
    ]),
    element("fieldset", { className: "ma-ef-fieldset ma-ef-kind" }, [
      element("legend", { text: "each row holds" }),
      labelsKindLabel,
      tagsKindLabel
    ]),
    columnsBox,
    tagsBox,
    element("fieldset", { className: "ma-ef-fieldset" }, [
      element("legend", { text: `${CONTROLS2.labels} (labels=)` }),
      labelBox,
      allButton
    ]),
    message.node,
    summary,
    output
  );
  let timer = null;
  let result = null;
  let last = null;
  let boxText = "";
  let mode = "labels";
  let ticked = { true: [], pred: [] };
  function explained(state) {
    if (state.text === "") return null;
    if (last !== null && same(last, state)) return result;
    const answer = explainText(state.text, {
      true: state.true,
      pred: state.pred,
      counts: state.counts || null,
      labels: state.labels
    });
    last = state;
    return answer;
  }
  function fromModel(state) {
    mode = namesTags(state) ? "tags" : "labels";
    if (mode === "tags") ticked = { true: namesOf(state.true).map(pyStrip), pred: namesOf(state.pred).map(pyStrip) };
  }
  function refuse(error, { text = false, keepText = false } = {}) {
    model.set("message", `Refused: ${error.message}`);
    model.save_changes();
    if (text) paste.setAttribute("aria-invalid", "true");
    draw({ keepText });
  }
  function edit(changes, { keepText = false } = {}) {
    const current = readState(model);
    const next = proposed(current, changes);
    try {
      result = explained(next);
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      refuse(error, { text: "text" in changes, keepText });
      return;
    }
    paste.removeAttribute("aria-invalid");
    const changed = Object.fromEntries(Object.entries(next).filter(([key, value]) => key === "text" ? value !== current.text : JSON.stringify(value) !== JSON.stringify(current[key])));
    model.set({ ...changed, message: "" });
    model.save_changes();
  }
  paste.addEventListener("input", () => {
    clearTimeout(timer);
    const delay = paste.value.length > 1e6 ? 600 : 200;
    timer = setTimeout(() => {
      boxText = paste.value;
      edit({ text: boxText }, { keepText: true });
    }, delay);
  });
  const readFile = async (blob) => {
    try {
      checkFileSize(blob.size);
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      refuse(error, { text: true });
      return;
    }
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = bytes;
    }
    edit({ text });
  };
  file.addEventListener("change", () => {
    if (file.files && file.files[0]) readFile(file.files[0]);
  });
  paste.addEventListener("dragover", (event) => event.preventDefault());
  paste.addEventListener("drop", (event) => {
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped) {
      event.preventDefault();
      readFile(dropped);
    }
  });
  trueColumn.addEventListener("change", () => edit({ true: trueColumn.value }));
  predColumn.addEventListener("change", () => edit({ pred: predColumn.value }));
  countsColumn.addEventListener("change", () => edit({ counts: countsColumn.value }));
  allButton.addEventListener("click", () => edit({ labels: null }));
  function columnsOnScreen() {
    if (result !== null) return result.columns;
    const text = readState(model).text;
    try {
      return text === "" ? [] : readHeader(text).columns;
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      return [];
    }
  }
  const chooseKind = (chosen) => {
    const columns = columnsOnScreen();
    mode = chosen;
    if (chosen === "tags") {
      const half = Math.floor(columns.length / 2);
      ticked = { true: columns.slice(0, half), pred: columns.slice(half, 2 * half) };
      edit({ true: ticked.true, pred: ticked.pred, counts: NO_COUNTS });
    } else {
      edit({ true: columns[0] ?? "", pred: columns[1] ?? "", counts: NO_COUNTS });
    }
  };
  labelsKind.addEventListener("change", () => chooseKind("labels"));
  tagsKind.addEventListener("change", () => chooseKind("tags"));
  function fill(node, options, chosen) {
    node.replaceChildren(
      ...options.map(([value, text]) => {
        const option = element("option", { value, text });
        option.selected = value === chosen;
        return option;
      })
    );
    node.value = chosen;
  }
  function drawTags(columns) {
    for (const [side, box] of [["true", trueTags], ["pred", predTags]]) {
      const chosen = new Set(ticked[side]);
      box.replaceChildren(
        ...columns.map((name) => {
          const tick = element("input", { type: "checkbox", value: name });
          tick.checked = chosen.has(name);
          tick.addEventListener("change", () => {
            ticked[side] = [...box.querySelectorAll("input")].filter((b) => b.checked).map((b) => b.value);
            edit({ true: ticked.true, pred: ticked.pred });
          });
          return element("label", { className: "ma-ef-label" }, [tick, ` ${name}`]);
        })
      );
    }
  }
  function drawLabels(state) {
    if (result === null) {
      labelBox.replaceChildren(element("span", { className: "ma-ef-none", text: "no labels yet" }));
      return;
    }
    const scored2 = state.labels === null ? null : new Set(state.labels);
    const boxes = result.labels.map((label, i) => {
      const box = element("input", { type: "checkbox", value: label });
      box.checked = scored2 === null || scored2.has(label);
      box.addEventListener("change", () => {
        const chosen = [...labelBox.querySelectorAll("input")].filter((b) => b.checked).map((b) => b.value);
        edit({ labels: chosen.length === result.labels.length ? null : chosen });
      });
      return element("label", { className: "ma-ef-label" }, [box, ` ${result.shownLabels[i]}`]);
    });
    labelBox.replaceChildren(...boxes);
  }
  function drawText(state) {
    if (state.text !== boxText) {
      boxText = state.text.length <= SHOWN_CHARS ? state.text : "";
      paste.value = boxText;
    }
    const shown2 = boxText === state.text;
    held.hidden = shown2;
    held.textContent = shown2 ? "" : `The text explained, ${state.text.length.toLocaleString("en")} characters, is too long to show in this box; paste or type here to explain another.`;
  }
  function draw({ keepText = false } = {}) {
    const state = readState(model);
    if (!keepText) drawText(state);
    const columns = columnsOnScreen();
    const pairs = columns.map((c) => [c, c]);
    labelsKind.checked = mode === "labels";
    tagsKind.checked = mode === "tags";
    columnsBox.hidden = mode === "tags";
    tagsBox.hidden = mode !== "tags";
    if (mode === "labels") {
      fill(trueColumn, pairs, state.true);
      fill(predColumn, pairs, state.pred);
      fill(countsColumn, [[NO_COUNTS, "none: one row, one item"], ...pairs], state.counts);
    } else {
      drawTags(columns);
    }
    drawLabels(state);
    if (result === null) {
      summary.textContent = "";
      output.replaceChildren(element("p", { className: "ma-ef-none", text: "Nothing pasted yet." }));
    } else {
      const items = result.total === 1 ? "item" : "items";
      const labels = result.multilabel ? "tags" : "labels";
      summary.replaceChildren(
        element("strong", { text: result.holds && result.causes.length === 0 ? "Agree, as they must" : result.holds ? "Agree on this data" : "They part" }),
        ` · ${result.rows.toLocaleString("en")} rows, ${result.total.toLocaleString("en")} ${items}, ${result.labels.length.toLocaleString("en")} ${labels}`
      );
      output.replaceChildren(...result.paragraphs.map((text) => element("p", { text })));
    }
    message.show(model.get("message"));
  }
  let drawn = null;
  const redraw = () => {
    const state = readState(model);
    if (drawn !== null && same(drawn, state)) {
      message.show(model.get("message"));
      return;
    }
    drawn = state;
    fromModel(state);
    try {
      result = explained(state);
    } catch (error) {
      if (!(error instanceof RefusedEdit)) throw error;
      result = null;
      last = null;
    }
    draw();
  };
  model.on("change", redraw);
  redraw();
  return () => {
    clearTimeout(timer);
    model.off("change", redraw);
  };
}
var explain_file_default = view(render);
export {
  explain_file_default as default,
  proposed
};
