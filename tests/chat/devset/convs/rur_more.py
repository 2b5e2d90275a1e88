# More Roman Urdu and code-mixed conversations.
CONVS = [
dict(id="rur_groom_freefire_codemixed", labels=["grooming"], people={"A": "ProGamer PK", "B": "Zain 😎"}, off="A", tgt="B",
     note="code-mixed: adult gamer gives diamonds, probes age and home, 'apne abbu ko mat batana', meeting", fill=(10, 2), script="""
A: bro tu to next level khelta hai
B: thanks bhai
A: kis class me hai tu?
B: 6th
A: acha chota hai lekin skills pro hain
~fill 2
~2d
A: 500 diamonds bheje hain check kar
B: wow bhai thank you
* A: apne abbu ko mat batana k diamonds kis ne diye, wo phone le lenge
A: tera ghar kahan hai? johar town?
B: haan
A: main bhi wahan aata hun, kal shaam park me mil, tujhe naya phone dikhaunga
A: akela aana, dosto ko mat lana
"""),
dict(id="rur_groom_tuition_slow", labels=["grooming"], people={"A": "Sir Faraz", "B": "Minahil"}, off="A", tgt="B",
     note="home tutor: slow build-up over weeks, emotional dependency, secrecy, late-night chats, meeting", fill=(12, 4), script="""
A: minahil aaj ka test bohat acha tha
B: thank you sir
A: tum class ki sab se intelligent student ho
~4d
A: kal udaas kyun thi?
B: ghar me larai hui thi
A: tum mujh se sab share kar sakti ho, main samajhta hun
~fill 3
~5d
* A: raat ko jab neend na aye to mujhe msg kar lena, par ammi ko mat batana, wo galat samjhengi
B: ok sir
A: tum 13 ki ho na? bohat mature ho apni age se
~3d
A: kal tuition ke baad ruk jana, baki bachon ko chutti de dunga, sirf tum aur main revision karenge
"""),
dict(id="rur_groom_wrong_number", labels=["grooming"], people={"A": "+92 333 7654321", "B": "Nimra"}, off="A", tgt="B",
     note="'wrong number' contact turns into grooming: flattery, load, age, secrecy", fill=(0, 2), script="""
A: hello ye Asad ka number hai?
B: nahi wrong number
A: sorry. waise apki awaz voice note me bohat pyari thi
B: ok
~1d
A: maine 100 ka balance bheja hai apologies ke liye 😊
B: iski zaroorat nahi thi
* A: apni age kya hai? aur kahan se ho?
B: 14, multan
A: gher walon ko mat batana ke hum baat karte hain, warna phone chheen lenge
A: pic bhejo na apni, dekhun kesi ho
"""),
dict(id="rur_sextortion_codemixed_insta", labels=["sextortion"], people={"A": "ayeza.official", "B": "Faizan"}, off="A", tgt="B",
     note="code-mixed sextortion by fake profile: screenshots of followers, countdown, easypaisa", fill=(0, 0), script="""
A: hey cutie ap lahore se ho?
B: haan
A: video call pe aao na, just for fun 😘
B: [call 120]
* A: screen record ho gaya hai 😂
A: tumhare saare followers ka screenshot le liya hai
A: 20k easypaisa karo in 1 hour warna video sab ko send, family group me bhi
B: please aisa mat karo main student hun
A: 59 minutes. time start
"""),
dict(id="rur_sextortion_cousin_threat", labels=["sextortion"], people={"A": "Bilal (cousin)", "B": "Aiman"}, off="A", tgt="B",
     note="older cousin has photos, threatens to show family, demands more pictures", fill=(5, 0), script="""
A: wo pics yaad hain jo tumne last eid pe bheji thi?
B: tumne kaha tha delete kar di
* A: nahi ki. ab har hafte nayi pics bhejo warna phupho ko dikha dunga
A: sochlo tumhari shadi kaun karega phir
B: main sab ko bata dungi
A: batao, pehle tumhari badnami hogi
A: sunday tak
"""),
dict(id="rur_sexting_bf_gf_teens", labels=["sexting"], people={"A": "Hamid", "B": "Rida"}, off="A", tgt="B",
     note="teen couple; boy initiates sexual chat and asks for photos, she partly goes along", fill=(8, 4), script="""
A: miss kar raha hun tumhe
B: me too
* A: kash abhi tum mere pas hoti, batata kya karta 😈
B: kya karte
A: wo sab jo shadi ke baad karte hain lol. pic bhejo na night suit me
B: [image] bas ye, aur nahi
A: uff. aur ek, thori aur
"""),
dict(id="rur_sexting_stranger_omegle", labels=["sexting"], people={"A": "Stranger", "B": "Ahmed"}, off="A", tgt="B",
     note="stranger asks 13yo boy sexual questions and body pictures", fill=(0, 0), script="""
A: asl
B: 13 m pakistan
A: nice. gf hai?
B: nahi
* A: kabhi kisi larki ke sath kuch kiya hai?
A: apni shirt utar ke pic bhejo, dekhun kitna fit ho
B: nahi bye
"""),
dict(id="rur_live_cam_modelling", labels=["livestreaming"], people={"A": "Glamour Studio", "B": "Hoorain"}, off="A", tgt="B",
     note="fake modelling agency asks 15yo for private live cam audition, parents excluded", fill=(0, 2), script="""
A: AOA Hoorain apki pics hamein pasand ayi, ad shoot ke liye select ho sakti ho
B: sach me? 😍
* A: aaj raat 11 baje live cam audition hoga, sirf ap, ghar walon ko room se bahar rakhna
A: camera full body pe rakhna aur jo poses hum bolen wo karni hongi
B: ammi ko bata sakti hun?
A: abhi nahi, selection ke baad. warna chance gaya
"""),
dict(id="rur_live_repeat_calls", labels=["livestreaming"], people={"A": "Adeel", "B": "Mehwish"}, off="A", tgt="B",
     note="persistent pressure for late-night video calls with camera on", fill=(6, 0), script="""
A: abhi video call karo
B: so rahi thi
* A: camera on karo, mujhe tumhe dekhna hai abhi isi waqt
A: [call 0]
A: [call 0]
A: [call 0]
A: phone kyun nahi utha rahi? main 5 minute me phir call karunga, utha lena aur blanket hatana
B: please kal baat karte hain
A: nahi abhi
"""),
dict(id="rur_bully_girls_insta_page", labels=["cyberbullying"], people={"A": "Mahnoor", "B": "Aleena", "C": "Zainab"}, off="A", offs=["B"], tgt="C",
     note="girls run a mocking page about one classmate, repeated insults over days", fill=(3, 0), script="""
* A: zainab tumhari meme page bana di hai 😂 'zainab the bhens'
B: 200 followers ho gaye ek din me
C: please delete karo
~1d
A: aaj ki post dekhi? tumhari lunch wali pic
B: sab comment kar rahe hain moti
C: main principal ko bataungi
~1d
A: batao, tum aur bhi mazaak banogi
B: kisi ko tum pasand nahi ho, samjho ye baat
"""),
dict(id="rur_bully_whatsapp_boys_threats", labels=["cyberbullying"], people={"A": "Sheraz", "B": "Rafay", "C": "Danial", "D": "Umer"}, off="A", offs=["B", "C"], tgt="D",
     title="9th class boys", note="group threatens and humiliates one boy repeatedly, mocks his father's job", fill=(5, 0), script="""
* A: umer ka abba chowkidar hai 😂😂
B: isliye iske jootay phatay hue hain
C: bhikari
D: mere abbu ke bare me kuch mat bolo
~1d
A: kal chutti ke baad ruk jana, teri dhulai karni hai
B: video bhi banayenge
~1d
C: umer ne kal phir tiffin me sookhi roti layi thi lol
A: nikal ja school se gareeb
"""),
dict(id="rur_mixed_groom_sexting", labels=["grooming", "sexting"], people={"A": "Jawad Uncle", "B": "Fiza"}, off="A", tgt="B",
     note="neighbour uncle grooms 12yo then sexual questions", fill=(6, 0), script="""
A: fiza beta kesi ho
B: theek uncle
A: tumhare liye chocolate laya hun, kal le lena
A: kitne saal ki ho gayi ho? 12?
B: ji
* A: ammi ko mat batana ke uncle chocolate dete hain, ye hamara secret hai
~2d
*sexting A: raat ko kya pehen ke soti ho?
A: kabhi kisi ne kiss kiya hai?
A: ek pic bhejo sirf uncle ke liye, kisi ko mat dikhana
"""),
dict(id="rur_neg_khala_load", people={"A": "Khala", "B": "Saad"}, note="hard negative: aunt sends mobile load to nephew, 'don't tell your mum'", fill=(3, 3), script="""
A: saad beta 500 ka load kara diya hai
B: thank you khala!
A: ammi ko mat batana warna kahegi bigar rahi hun 😄
B: hahaha nahi bataunga
"""),
dict(id="rur_neg_ammi_akeli", people={"A": "Ammi", "B": "Hiba"}, note="hard negative: mother asks if daughter is alone, safety", fill=(4, 4), script="""
A: ghar pe akeli ho?
B: ji bhai bahar gaya hai
A: darwaza lock karo kisi ke liye mat kholna
B: ji ammi
A: main 7 baje tak aa jaungi
"""),
dict(id="rur_neg_photographer_payment", people={"A": "Pixel Studio", "B": "Customer Hina"}, note="hard negative: studio has photos, payment before delivery", fill=(0, 2), script="""
A: AOA apki mehndi ki pics ready hain
A: [image]
A: baqi 12000 payment ke baad full album bhej denge
B: jazakAllah, kal payment kar dungi
"""),
dict(id="rur_neg_ludo_banter", people={"A": "Nida", "B": "Mariam", "C": "Ayesha"}, title="ludo queens 👑", note="hard negative: friends' ludo game trash talk", fill=(6, 6), script="""
A: meri goti kyun kaati 😤
B: game hai yaar rona band karo
C: nida to har dafa haarti hai 😂
A: agli game me sab ko maarungi
B: dekhte hain
"""),
dict(id="rur_neg_news_discussion_codemixed", people={"A": "Sana", "B": "Mehreen"}, note="hard negative: code-mixed discussion of cyberbullying/sextortion awareness post", fill=(3, 3), script="""
A: ye post dekho FIA cybercrime ki, sextortion ke bare me awareness
B: haan scary hai, log pics le ke blackmail karte hain aur paise maangte hain
A: apne chotay bhai ko bhi bataya ke kisi ko pic mat bhejna aur koi threaten kare to foran batana
B: good, mein bhi share karti hun family group me
"""),
dict(id="rur_neg_cousin_videocall_family", people={"A": "Cousin Hira", "B": "Anum"}, note="hard negative: cousins video call for family gathering", fill=(4, 4), script="""
A: video call pe aao sab khala ke ghar jama hain
B: ok 2 min
B: [call 900]
A: nani ko bohat acha laga tumhe dekh ke
"""),
dict(id="rur_neg_online_class_teacher", people={"A": "Ma'am Rubina", "B": "Class 8 Group"}, title="Class 8-B", note="hard negative: teacher online class with cameras on", fill=(3, 4), script="""
A: kal ki class google meet pe hogi 10 baje
A: sab students camera on rakhenge, attendance camera se lagegi
B: ma'am link?
A: https://meet.google.com/abc-defg-hij
"""),
dict(id="rur_neg_job_location", people={"A": "Foodpanda Rider", "B": "Customer"}, note="hard negative: delivery rider asks location, 'ghar pe hain?'", fill=(0, 0), script="""
A: sir location bhej dein
B: bhej di
A: ghar pe hain? 5 minute me pohanch raha hun
B: haan gate pe aa raha hun
"""),
dict(id="rur_neg_brothers_fight", people={"A": "Bara Bhai", "B": "Chota"}, note="hard negative: brothers argue once, insult, then fine", fill=(4, 4), script="""
A: meri bike kis se pooch ke le ke gaye the
B: bas market tak
A: ullu ke pathay, petrol bhi khatam kar diya
B: sorry bhai dalwa deta hun
A: theek hai jaldi karo
"""),
dict(id="rur_neg_engaged_adults", people={"A": "Kashif", "B": "Amna"}, note="hard negative: engaged adults romantic chat, no coercion", fill=(8, 6), script="""
A: aaj bohat yaad aa rahi ho
B: mujhe bhi 🙈
A: shadi me sirf 2 mahine reh gaye
B: haan ammi ne jahez ki list bhi bana li
A: raat ko call karna
B: pakka
"""),
dict(id="rur_neg_doctor_child_photo", people={"A": "Dr Kamran (Child Specialist)", "B": "Baby ke Abbu"}, note="hard negative: paediatrician asks photo of child's rash", fill=(0, 0), script="""
A: bachay ke rash ki clear pic bhej dein
B: [image]
A: ye allergy hai, cream likh di hai. 2 din baad phir pic bhejiye ga
B: theek hai doctor sahab
"""),
dict(id="rur_neg_teen_crush_group", people={"A": "Alishba", "B": "Kinza"}, note="hard negative: teen girls gossip about a crush, innocent", fill=(5, 5), script="""
A: usne aaj mujhe dekh ke smile kiya 🙈
B: omg sach me??
A: haan canteen me
B: kal usse notes maang lena bahane se
A: pagal ho kya 😂
"""),
dict(id="rur_neg_event_volunteers", people={"A": "Coordinator Usman", "B": "Volunteers"}, title="Sports Gala Volunteers", note="hard negative: event logistics, asks photos of CNIC and team", fill=(2, 6), script="""
A: sab volunteers apni CNIC ki pic bhej dein registration ke liye
A: saturday subah 8 baje stadium gate 3 pe milna hai
B: uniform kab milegi?
A: wahin pe milegi, aur apni team ki group pic bhi lenge
"""),
]
CONVS += [
dict(id="rur_neg_colon_name_family", people={"A": "Ammi: Home", "B": "Abbu: Office", "C": "Sara"}, title="Ghar ❤️", note="hard negative: family with ':' in names", fill=(6, 10), script="""
A: sara ko 3 baje school se le lena
B: ok, meeting 2:30 pe khatam hogi
C: abbu gate 2 pe aana
"""),
dict(id="rur_bully_codemixed_class", labels=["cyberbullying"], people={"A": "Hasan", "B": "Moeez", "C": "Ibrahim"}, off="A", offs=["B"], tgt="C",
     note="code-mixed bullying of a boy about his glasses and grades, repeated over days", fill=(4, 0), script="""
* A: char aankhon wala nerd aa gaya 🤓
B: ibrahim bro tu itna weird kyun hai
C: kya masla hai tum logon ka
~1d
A: aaj phir teacher ka chamcha bana hua tha lol
B: loser, koi iske sath nahi baithta
~2d
A: ibrahim tu school chor de yaar seriously, sab ko tujh se cringe aati hai
B: tera lunch phir se phainkenge kal
"""),
dict(id="rur_neg_coach_academy", people={"A": "Coach Irfan", "B": "U13 Parents"}, title="Cricket Academy U13", note="hard negative: cricket academy coach logistics with parents", fill=(3, 6), script="""
A: kal practice 4 baje, bachon ko white kit me bhejein
A: parents pick-up 6:30 tak kar lein
B: coach sahab tournament kab hai?
A: agle mahine, forms kal denge
"""),
]
CONVS += [
dict(id="rur_live_tiktok_codemixed", labels=["livestreaming"], people={"A": "gifts_wala", "B": "Anaya"}, off="A", tgt="B",
     note="code-mixed: viewer asks 13yo to go live late night, perform, 'door lock karo'", fill=(0, 2), script="""
A: tumhara live amazing tha yaar
B: thanksss
* A: aaj raat 12 baje live aao jab sab so jayen, main galaxy gift karunga
A: wo outfit pehenna jo tuesday ko pehna tha, aur bed pe leti hui live karna
A: door lock kar lena, ammi ko pata na chale
"""),
dict(id="rur_sextortion_snap_boy", labels=["sextortion"], people={"A": "Unknown Snap", "B": "Haris"}, off="A", tgt="B",
     note="snapchat sextortion of 15yo boy, demands money and threatens to tag school", fill=(0, 0), script="""
A: [image]
A: ye tum ho na?
* A: 25k bhejo kal subah tak warna tumhare school ke page pe tag kar ke daal dunga
B: please main 15 saal ka hun mere pas paise nahi
A: abbu ke wallet se nikalo. kal 10 baje tak
A: kisi ko bataya to sab se pehle tumhari behn ko bhejunga
"""),
dict(id="rur_sexting_teen_pressure_girl", labels=["sexting"], people={"A": "Rohail", "B": "Mishal"}, off="A", tgt="B",
     note="teen boy pressures girlfriend for bathroom pics, shames refusal", fill=(6, 2), script="""
A: kal tum school me bohat pyari lag rahi thi
B: aww
* A: ek pic bhejo na washroom ke mirror wali, kapre thore kam 😏
B: nahi rohail
A: sab karti hain, tum hi itni sharmeeli ho
A: agar pyar karti ho to bhejo
"""),
dict(id="rur_neg_sisters_outfit", people={"A": "Baji", "B": "Choti"}, note="hard negative: sisters send outfit pics for wedding", fill=(3, 3), script="""
A: mehndi ke liye konsa suit pehnun
A: [image]
A: [image]
B: pehla wala 100%
A: shoes ki pic bhi bhejo apni
B: [image]
"""),
]
