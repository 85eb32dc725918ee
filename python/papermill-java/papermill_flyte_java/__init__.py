"""papermill parameters as Java declarations for the flyte-java kernel.

Importing this module registers :class:`JavaTranslator` with papermill for the kernel name ``flyte-java`` and the
language ``java``; papermill imports it through the ``papermill.engine`` entry point, so ``papermill in.ipynb
out.ipynb -p x 5`` works with no extra option.
"""

import json
import math

from papermill.engines import NBClientEngine
from papermill.exceptions import PapermillException
from papermill.translators import Translator, papermill_translators


class JavaTranslator(Translator):
    """Renders each parameter as a typed Java declaration: ``long x = 5L;``, ``List<Object> xs = List.of(...);``.

    JShell lets a later declaration replace an earlier one, so the injected cell simply redeclares what the
    ``parameters`` cell declared. Whole numbers are ``long`` and fractions ``double`` (Flyte's INTEGER and FLOAT);
    ``None`` is an ``Object`` holding ``null``; lists and dicts are immutable ``List``/``Map`` of boxed values.
    """

    @classmethod
    def translate_escaped_str(cls, str_val):
        return json.dumps(str_val, ensure_ascii=False)  # JSON string escapes are valid Java string escapes

    @classmethod
    def translate_none(cls, val):
        return "null"

    @classmethod
    def translate_bool(cls, val):
        return "true" if val else "false"

    @classmethod
    def translate_int(cls, val):
        return f"{val}L"

    @classmethod
    def translate_float(cls, val):
        if math.isnan(val):
            return "Double.NaN"
        if math.isinf(val):
            return "Double.POSITIVE_INFINITY" if val > 0 else "Double.NEGATIVE_INFINITY"
        return repr(float(val))

    @classmethod
    def translate_list(cls, val):
        if any(v is None for v in val):
            raise PapermillException("a Java List parameter cannot hold null (List.of refuses it): " + repr(val))
        return "List.of(" + ", ".join(cls.translate(v) for v in val) + ")"

    @classmethod
    def translate_dict(cls, val):
        if any(v is None for v in val.values()):
            raise PapermillException("a Java Map parameter cannot hold null values (Map.of refuses them): " + repr(val))
        entries = ", ".join(f"Map.entry({cls.translate(str(k))}, {cls.translate(v)})" for k, v in val.items())
        return "Map.ofEntries(" + entries + ")"

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    @classmethod
    def java_type(cls, val):
        if isinstance(val, bool):
            return "boolean"
        if isinstance(val, int):
            return "long"
        if isinstance(val, float):
            return "double"
        if isinstance(val, str):
            return "String"
        if isinstance(val, list):
            return "List<" + cls.element_type(val) + ">"
        if isinstance(val, dict):
            return "Map<String, " + cls.element_type(list(val.values())) + ">"
        return "Object"

    @classmethod
    def element_type(cls, values):
        """The boxed type every element shares (Long, Double, ...), else Object."""
        boxed = {"boolean": "Boolean", "long": "Long", "double": "Double"}
        types = {boxed.get(t, t) for t in (cls.java_type(v) for v in values)}
        return types.pop() if len(types) == 1 else "Object"

    @classmethod
    def assign(cls, name, str_val):
        raise NotImplementedError("codify declares each parameter with its type")  # never called: see codify

    @classmethod
    def codify(cls, parameters, comment="Parameters"):
        content = f"{cls.comment(comment)}\n"
        for name, val in parameters.items():
            content += f"{cls.java_type(val)} {name} = {cls.translate(val)};\n"
        return content


class FlyteJavaEngine(NBClientEngine):
    """papermill's standard nbclient engine; the entry point exists to load this module (see the module doc)."""


papermill_translators.register("flyte-java", JavaTranslator)
papermill_translators.register("java", JavaTranslator)
