# Urdu (Arabic script) hard negatives and ordinary chats.
CONVS = [
dict(id="ur_neg_parent_homework", people={"A": "امی", "B": "سعدیہ"}, note="hard negative: mother asks daughter for photo of homework", fill=(3, 3), script="""
A: بیٹا ہوم ورک کر لیا؟
B: جی امی
A: کاپی کی تصویر بھیجو، میں دیکھ لوں
B: [image]
A: شاباش، بس اردو والا سوال دوبارہ لکھو
B: اچھا امی
"""),
dict(id="ur_neg_teacher_online_class", people={"A": "مس رخسانہ", "B": "والدین کلاس پنجم"}, title="کلاس پنجم والدین", note="hard negative: teacher's online class, camera on", fill=(2, 4), script="""
A: السلام علیکم، کل بارش کی وجہ سے کلاس آن لائن ہو گی، صبح نو بجے زوم پر
A: بچوں سے کہیں کہ کیمرہ آن رکھیں تاکہ میں دیکھ سکوں کہ سب توجہ دے رہے ہیں
B: جزاک اللہ مس، لنک یہیں بھیج دیں
A: [call 2400]
A: آج سب بچوں نے بہت اچھا کام کیا، ہوم ورک کاپی میں کر کے تصویر بھیج دیں
"""),
dict(id="ur_neg_news_discussion", people={"A": "طارق", "B": "نسرین"}, note="hard negative: discussing news about blackmail/sextortion", fill=(4, 4), script="""
A: آج خبر دیکھی؟ ایف آئی اے نے ایک گروہ پکڑا جو بچوں کی تصویریں لے کر بلیک میل کرتا تھا
B: توبہ، کتنے ظالم لوگ ہیں۔ پیسے مانگتے تھے اور دھمکی دیتے تھے کہ تصویریں وائرل کر دیں گے
A: ہمیں بچوں کو سمجھانا چاہیے کہ کوئی ایسا کرے تو فوراً ہمیں بتائیں
B: اور ہیلپ لائن نمبر بھی بتا دیں
"""),
dict(id="ur_neg_cousins_meet", people={"A": "حارث", "B": "عمر"}, note="hard negative: cousins planning to meet, keep surprise secret", fill=(3, 3), script="""
A: عید پر دادی کے گھر آ رہے ہو؟
B: ہاں، جمعے کی رات نکلیں گے
A: زبردست، میں تمہیں اسٹیشن سے لے لوں گا
B: پھپھو کو مت بتانا، ان کو سرپرائز دینا ہے
A: ٹھیک ہے، کسی کو نہیں بتاؤں گا 😄
"""),
dict(id="ur_neg_shop_screenshot", people={"A": "گل احمد آؤٹ لیٹ", "B": "کسٹمر"}, note="hard negative: shop asks for payment screenshot and address", fill=(0, 2), script="""
A: آپ کا آرڈر کنفرم ہو گیا ہے، کل رقم تین ہزار دو سو روپے
A: براہ کرم ادائیگی کا اسکرین شاٹ بھیج دیں
B: [image]
A: شکریہ، وصول ہو گیا۔ اپنا مکمل پتہ اور لوکیشن بھیج دیں
B: بھیج دیا
"""),
dict(id="ur_neg_doctor_consult", people={"A": "ڈاکٹر فرحان", "B": "شازیہ"}, note="hard negative: doctor video consult for child", fill=(0, 2), script="""
A: السلام علیکم، بچے کا ویڈیو چیک اپ شروع کرتے ہیں
A: بچے کو روشنی میں بٹھائیں تاکہ گلا صاف نظر آئے
B: [call 540]
A: دوائی دن میں تین بار دیں، دو دن بعد بخار کی تصویر یا ریڈنگ بھیج دیں
B: شکریہ ڈاکٹر صاحب
"""),
dict(id="ur_neg_siblings_fight", people={"A": "آپی", "B": "فہد"}, note="hard negative: siblings argue once", fill=(5, 5), script="""
A: میرا چارجر کس نے لیا؟
B: میں نے، بس تھوڑی دیر
A: تم سب سے بدتمیز بھائی ہو
B: اچھا اچھا واپس رکھ دیا، غصہ مت کرو
A: آئندہ پوچھ کر لینا
"""),
dict(id="ur_neg_married_couple", people={"A": "شوہر", "B": "بیگم"}, note="hard negative: married adults, affectionate, video call", fill=(8, 8), script="""
A: بہت یاد آ رہی ہو
B: میں بھی آپ کو یاد کر رہی ہوں
A: رات کو ویڈیو کال کرتے ہیں، بچوں کو بھی دکھانا
B: [call 1200]
A: اللہ حافظ، خیال رکھنا
"""),
dict(id="ur_neg_school_group", people={"A": "پرنسپل آفس", "B": "والد حسن", "C": "والدہ مریم"}, title="گرین ویلی اسکول والدین", note="hard negative: school logistics", fill=(3, 6), script="""
A: اطلاع: کل اسکول میں سپورٹس ڈے ہے، بچے سفید یونیفارم میں آئیں
B: چھٹی کس وقت ہو گی؟
A: ایک بجے
C: کیا والدین بھی آ سکتے ہیں؟
A: جی، گیارہ بجے سے پہلے تشریف لائیں
"""),
dict(id="ur_neg_friends_banter", people={"A": "زاہد", "B": "نعمان"}, note="hard negative: friends joke once, affectionate insult", fill=(6, 6), script="""
A: اوئے گدھے، آج میچ پر نہیں آیا
B: ہاہاہا یار امی نے جانے نہیں دیا
A: ڈرپوک کہیں کا 😂 کل ضرور آنا
B: پکا آؤں گا
"""),
dict(id="ur_neg_awareness_session", people={"A": "مس عالیہ", "B": "طلبہ"}, title="آٹھویں جماعت", note="hard negative: teacher awareness message about online safety", fill=(0, 2), script="""
A: پیارے بچو، آج کی آن لائن حفاظت کی کلاس یاد رکھیں:
  اگر کوئی اجنبی کہے کہ گھر والوں کو مت بتانا، تو فوراً بڑوں کو بتائیں
  کسی کو اپنی تصویریں مت بھیجیں
  اگر کوئی تصویریں پھیلانے کی دھمکی دے تو پیسے مت دیں اور رپورٹ کریں
B: جی مس
"""),
dict(id="ur_neg_rishta_family", people={"A": "خالہ جان", "B": "امی"}, note="hard negative: family asks for photo for rishta (adults)", fill=(2, 4), script="""
A: بہن، لڑکے والوں نے بیٹی کی تصویر مانگی ہے
B: ٹھیک ہے، شام کو بھیج دوں گی
A: اور اتوار کو ملاقات رکھ لیتے ہیں، گھر پر ہی
B: ان شاء اللہ
"""),
dict(id="ur_neg_grandfather_call", people={"A": "دادا ابو", "B": "ہانیہ"}, note="hard negative: grandfather video calls granddaughter", fill=(4, 4), script="""
A: میری پیاری بیٹی، ویڈیو کال کرو، تمہیں دیکھنا ہے
B: جی دادا ابو
B: [call 600]
A: اپنی ڈرائنگ کی تصویر بھیجو جو تم نے بتائی تھی
B: [image]
A: ماشاءاللہ، بہت خوب
"""),
dict(id="ur_neg_job_interview", people={"A": "ایچ آر - ٹیک سلوشنز", "B": "وقاص"}, note="hard negative: HR schedules video interview with adult", fill=(0, 0), script="""
A: وقاص صاحب، آپ کا انٹرویو کل گیارہ بجے گوگل میٹ پر ہو گا
A: براہ کرم کیمرہ آن رکھیں اور شناختی کارڈ کی تصویر پہلے بھیج دیں
B: [image]
B: شکریہ، میں وقت پر آ جاؤں گا
"""),
dict(id="ur_neg_cricket_group", people={"A": "کپتان شعیب", "B": "یاسر", "C": "جنید"}, title="گلی کرکٹ کلب", note="hard negative: cricket banter among friends", fill=(5, 8), script="""
A: کل صبح سات بجے گراؤنڈ پر
B: یاسر پھر دیر سے آئے گا 😂
C: یاسر تو صفر پر آؤٹ ہونے کا ماہر ہے
B: دیکھنا کل سنچری کروں گا
A: باتیں کم، پریکٹس زیادہ
"""),
dict(id="ur_neg_long_family", people={"A": "ابو", "B": "امی", "C": "سارہ", "D": "احمد"}, title="فیملی ❤️", note="ordinary long family group", fill=(35, 35), script="""
A: آج کھانے پر کون کون ہے؟
C: میں
D: میں دیر سے آؤں گا
B: بریانی بنی ہے
"""),
]
