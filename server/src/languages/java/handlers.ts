// Java request handlers: Spring's @GetMapping / @RequestMapping(method = ...) and JAX-RS's
// @GET / @POST, with the class-level route prefix; @ExceptionHandler methods, which answer for a
// caught exception; and whether the method's return value is written as the response body.
import type { Node } from '../../parsing/treeSitter';
import type { HandlerFacts } from '../../model';
import { namedArgs, spanOf } from '../syntax';
import { annotationArg, annotationName, annotationsOf, lastSegment, stringValue, typeName } from './nodes';
import { parentOf, remembered } from '../ancestry';

const SPRING_MAPPINGS = new Map<string, string | undefined>([
  ['GetMapping', 'GET'], ['PostMapping', 'POST'], ['PutMapping', 'PUT'], ['PatchMapping', 'PATCH'], ['DeleteMapping', 'DELETE'], ['RequestMapping', undefined],
]);
const JAXRS_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export interface JavaHandler {
  node: Node;
  facts: HandlerFacts;
  /** All methods the mapping names (`@RequestMapping(method = {GET, POST})`). */
  methods: string[];
  /** The framework writes the returned object as the body (@RestController, @ResponseBody, JAX-RS). */
  returnsBody: boolean;
  /** The method fixes its status with @ResponseStatus. */
  hasResponseStatus: boolean;
  /** An @ExceptionHandler: its exception parameter, when named. */
  exceptionParam?: string;
  exceptionHandler: boolean;
}

/** The first string of an annotation value: `"/x"` or `{"/x", "/y"}`. */
function firstString(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'element_value_array_initializer') return firstString(namedArgs(node)[0]);
  return stringValue(node);
}

function joinRoute(prefix: string, path: string): string {
  if (!prefix) return path || '/';
  if (!path) return prefix;
  return `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The HTTP methods named by `method = RequestMethod.POST` or `method = {RequestMethod.GET, ...}`. */
function requestMethods(value: Node | undefined): string[] {
  if (!value) return [];
  const items = value.type === 'element_value_array_initializer' ? namedArgs(value) : [value];
  return items.map((i) => lastSegment(i.text)).filter((m) => JAXRS_METHODS.has(m) || m === 'TRACE');
}

interface ClassInfo {
  prefix: string;
  restController: boolean;
  jaxrs: boolean;
}

function classInfo(method: Node): ClassInfo {
  const cls = parentOf(method)?.type === 'class_body' ? parentOf(parentOf(method)) : undefined;
  return cls ? remembered('class-info', cls, readClassInfo) : { prefix: '', restController: false, jaxrs: false };
}

/** A class's route prefix and whether its handlers' return values are bodies, read once per class. */
function readClassInfo(cls: Node): ClassInfo {
  const info: ClassInfo = { prefix: '', restController: false, jaxrs: false };
  for (const a of annotationsOf(cls)) {
    const name = annotationName(a);
    if (name === 'RequestMapping') info.prefix = firstString(annotationArg(a, 'value') ?? annotationArg(a, 'path')) ?? '';
    if (name === 'Path') {
      info.prefix = firstString(annotationArg(a, 'value')) ?? '';
      info.jaxrs = true;
    }
    if (name === 'RestController' || name === 'RestControllerAdvice' || name === 'ResponseBody') info.restController = true;
  }
  return info;
}

/** The handler a method declaration is, if its annotations make it one. */
export function handlerInfo(method: Node): JavaHandler | undefined {
  const annotations = annotationsOf(method);
  if (!annotations.length) return servletHandler(method);
  let mapped = false;
  let methods: string[] = [];
  let path: string | undefined;
  let responseBody = false;
  let hasResponseStatus = false;
  let exceptionHandler = false;
  let jaxrs = false;
  for (const a of annotations) {
    const name = annotationName(a);
    if (SPRING_MAPPINGS.has(name)) {
      mapped = true;
      const fixed = SPRING_MAPPINGS.get(name);
      methods = fixed ? [fixed] : requestMethods(annotationArg(a, 'method'));
      path = firstString(annotationArg(a, 'value') ?? annotationArg(a, 'path')) ?? path;
    } else if (JAXRS_METHODS.has(name) && a.type === 'marker_annotation') {
      mapped = jaxrs = true;
      methods = [name];
    } else if (name === 'Path') {
      path = firstString(annotationArg(a, 'value'));
    } else if (name === 'ResponseBody') {
      responseBody = true;
    } else if (name === 'ResponseStatus') {
      hasResponseStatus = true;
    } else if (name === 'ExceptionHandler') {
      exceptionHandler = true;
    }
  }
  if (!mapped && !exceptionHandler) return servletHandler(method);
  const cls = classInfo(method);
  const facts: HandlerFacts = { span: spanOf(method), calls: [] };
  if (mapped) {
    facts.route = joinRoute(cls.prefix, path ?? '');
    if (methods.length === 1) facts.method = methods[0];
  }
  return {
    node: method,
    facts,
    methods,
    returnsBody: responseBody || cls.restController || jaxrs || cls.jaxrs,
    hasResponseStatus,
    exceptionHandler,
    exceptionParam: exceptionHandler ? exceptionParameter(method) : undefined,
  };
}

/** `doPost(request, response)` in a class that extends HttpServlet, routed by its @WebServlet. */
function servletHandler(method: Node): JavaHandler | undefined {
  const m = /^do(Get|Post|Put|Delete|Patch|Head|Options)$/.exec(method.childForFieldName('name')?.text ?? '');
  const cls = parentOf(method)?.type === 'class_body' ? parentOf(parentOf(method)) : undefined;
  if (!m || !cls || !/\bHttpServlet\b/.test(cls.childForFieldName('superclass')?.text ?? '')) return undefined;
  const web = annotationsOf(cls).find((a) => annotationName(a) === 'WebServlet');
  const route = web ? firstString(annotationArg(web, 'urlPatterns') ?? annotationArg(web, 'value')) : undefined;
  const verb = m[1].toUpperCase();
  const facts: HandlerFacts = { span: spanOf(method), method: verb, route: route ?? '', calls: [] };
  return { node: method, facts, methods: [verb], returnsBody: false, hasResponseStatus: false, exceptionHandler: false };
}

/** The parameter of an @ExceptionHandler that receives the exception (`MyException ex`). */
export function exceptionParameter(method: Node): string | undefined {
  const params = namedArgs(method.childForFieldName('parameters')).filter((p) => p.type === 'formal_parameter');
  const ex = params.find((p) => /(Exception|Error|Throwable)$/.test(typeName(p.childForFieldName('type')) ?? '')) ?? params[0];
  return ex?.childForFieldName('name')?.text;
}

/** True when a method is an @ExceptionHandler (read from its annotations only). */
export function isExceptionHandler(method: Node): boolean {
  return annotationsOf(method).some((a) => annotationName(a) === 'ExceptionHandler');
}

/** The HTTP method a method declaration's annotations name, for completion ranking. */
export function methodOf(method: Node): string | undefined {
  return methodOfAnnotations(annotationsOf(method)) ?? servletHandler(method)?.facts.method;
}

/** The HTTP method a list of annotations names (`@PostMapping`, `@RequestMapping(method = PUT)`, `@GET`). */
export function methodOfAnnotations(annotations: Node[]): string | undefined {
  for (const a of annotations) {
    const name = annotationName(a);
    const fixed = SPRING_MAPPINGS.get(name);
    if (fixed) return fixed;
    if (name === 'RequestMapping') {
      const m = requestMethods(annotationArg(a, 'method'));
      if (m.length === 1) return m[0];
    }
    if (JAXRS_METHODS.has(name) && a.type === 'marker_annotation') return name;
  }
  return undefined;
}
